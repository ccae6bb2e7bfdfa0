// Loads one console answer, again when its key changes, on reload(), and optionally on a timer.
// An answer to an older key is dropped so a quick search or filter change never paints stale rows.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorWords, type ConsoleError, type ConsoleResult } from '../api/consoleClient';

export interface Query<T> {
  data: T | null;
  error: ConsoleError | null;
  /** The error in words. */
  errorText: string | null;
  loading: boolean;
  reload: () => void;
}

export const useConsoleQuery = <T>(
  load: () => Promise<ConsoleResult<T>>,
  /** Load again whenever this changes (e.g. JSON of the inputs). */
  key: string,
  refreshMs?: number,
): Query<T> => {
  const [state, setState] = useState<{
    data: T | null;
    error: ConsoleError | null;
    loading: boolean;
  }>({ data: null, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const ticket = ++latest.current;
      setState((s) => ({ ...s, loading: true }));
      const r = await loader.current();
      if (ticket !== latest.current) return;
      // A failed refresh keeps the last figures on screen beside the error.
      setState((s) =>
        r.ok
          ? { data: r.value, error: null, loading: false }
          : { data: s.data, error: r.error, loading: false },
      );
      if (refreshMs) timer = setTimeout(() => void run(), refreshMs);
    };
    void run();
    return () => {
      latest.current += 1;
      if (timer) clearTimeout(timer);
    };
  }, [key, refreshMs, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    ...state,
    errorText: state.error ? errorWords(state.error) : null,
    reload,
  };
};
