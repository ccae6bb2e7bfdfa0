// Loads one dashboard method's figures, re-loading when the input changes (and optionally on a
// timer for live figures). Stale answers from an earlier input are dropped, so quick filter
// changes cannot paint old figures over new ones.
import { useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../../shared/api';
import { call } from '../api/client';
import { errorText } from '../api/errorText';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

export const useDashboardCall = <M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  refreshMs?: number,
): Loaded<ApiOutputs[M]> => {
  const [state, setState] = useState<Loaded<ApiOutputs[M]>>({
    data: null,
    error: null,
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
          ? { data: r.value, error: null, loading: false }
          : { data: null, error: errorText(r.error), loading: false },
      );
      if (refreshMs) timer = setTimeout(() => void load(), refreshMs);
    };
    void load();
    return () => {
      latest.current += 1;
      if (timer) clearTimeout(timer);
    };
  }, [method, key, refreshMs]);
  return state;
};
