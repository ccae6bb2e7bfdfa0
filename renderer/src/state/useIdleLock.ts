// Locks the till after the store's idle time without a key, a touch or a click, so a till left
// alone does not stay open to whoever walks up. The lock itself (signing out, keeping the sale) is
// the caller's; this only watches for activity. Time is checked against the wall clock each second,
// so a machine that slept past the limit locks at once when it wakes.
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export const useIdleLock = (idleMinutes: number, enabled: boolean, onLock: () => void): void => {
  const lock = useRef(onLock);
  lock.current = onLock;
  useEffect(() => {
    if (!enabled || !(idleMinutes > 0)) return;
    const limitMs = idleMinutes * 60_000;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= limitMs) {
        last = Date.now();
        lock.current();
      }
    }, 1_000);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, touch, { capture: true });
    };
  }, [idleMinutes, enabled]);
};
