// Loads one dashboard method's figures, re-loading when the input changes (and optionally on a
// timer for live figures). Stale answers from an earlier input are dropped, so quick filter
// changes cannot paint old figures over new ones.
import { useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../../shared/api';
import type { ErrorCode } from '../../../shared/result';
import { call } from '../api/client';
import { errorText } from '../api/errorText';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The core's error code, for screens that branch on it (e.g. HQ not connected). */
  code: ErrorCode | null;
  loading: boolean;
}

export const useDashboardCall = <M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  refreshMs?: number,
  /** Bump to load again with the same input. */
  generation = 0,
): Loaded<ApiOutputs[M]> => {
  const [state, setState] = useState<Loaded<ApiOutputs[M]>>({
    data: null,
    error: null,
    code: null,
    loading: true,
  });
  const key = JSON.stringify(input);
  const latest = useRef(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const ticket = ++latest.current;
      setState((s) => ({ ...s, loading: true }));
      const r = await call(method, JSON.parse(key) as ApiInput<M>);
      if (ticket !== latest.current) return;
      setState(
        r.ok
          ? { data: r.value, error: null, code: null, loading: false }
          : { data: null, error: errorText(r.error), code: r.error.code, loading: false },
      );
      if (refreshMs) timer = setTimeout(() => void load(), refreshMs);
    };
    void load();
    return () => {
      latest.current += 1;
      if (timer) clearTimeout(timer);
    };
  }, [method, key, refreshMs, generation]);
  return state;
};
