// Listens to HQ's change stream (GET /v1/analytics/stream, server-sent events with the session
// cookie) and calls back when a store in scope changed, at most once per `minGapMs` so a busy
// chain does not refetch on every push. EventSource reconnects by itself after a drop.
import { useEffect, useRef, useState } from 'react';
import { streamUrl, type FigureScope } from '../api/consoleCalls';

export type StreamState = 'connecting' | 'open' | 'down';

export const useAnalyticsStream = (
  scope: FigureScope,
  onChange: () => void,
  minGapMs = 2_000,
): StreamState => {
  const [state, setState] = useState<StreamState>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;
  const url = streamUrl(scope);
  useEffect(() => {
    const source = new EventSource(url, { withCredentials: true });
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = Date.now();
      callback.current();
    };
    source.addEventListener('open', () => setState('open'));
    source.addEventListener('ready', () => setState('open'));
    source.addEventListener('error', () => setState('down'));
    source.addEventListener('analytics', () => {
      if (timer) return;
      const wait = Math.max(0, last + minGapMs - Date.now());
      timer = setTimeout(fire, wait);
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [url, minGapMs]);
  return state;
};
