// Caps on open analytics event streams: each holds a socket and a change-feed listener for as
// long as the client keeps it, so one till may hold only a few and the process only so many in
// all; beyond either the open is refused with 429 TOO_MANY_STREAMS + Retry-After.
import { HttpError } from '../http/httpErrors';

export interface StreamLimits {
  /** Open streams of this process, all principals together. */
  maxStreams: number;
  /** Open streams of one till. */
  maxStreamsPerTill: number;
  /** Retry-After of a 429 TOO_MANY_STREAMS. */
  retryAfterSeconds: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = {
  maxStreams: 1_000,
  maxStreamsPerTill: 4,
  retryAfterSeconds: 30,
};

export interface StreamSlots {
  /**
   * Takes a slot for `key` (null: counted in the total only) and returns its release (safe to call
   * more than once); throws the 429 when a cap is reached. Synchronous, so concurrent opens cannot
   * all pass the check.
   */
  take(key: string | null): () => void;
}

export function createStreamSlots(limits: StreamLimits): StreamSlots {
  const perKey = new Map<string, number>();
  let total = 0;
  const refuse = (message: string): HttpError =>
    new HttpError(429, 'TOO_MANY_STREAMS', message, {
      'retry-after': String(limits.retryAfterSeconds),
    });
  return {
    take(key) {
      if (total >= limits.maxStreams)
        throw refuse(`this server has ${limits.maxStreams} event streams open; retry later`);
      if (key !== null && (perKey.get(key) ?? 0) >= limits.maxStreamsPerTill)
        throw refuse(
          `at most ${limits.maxStreamsPerTill} event streams may be open at once; close one first`,
        );
      total++;
      if (key !== null) perKey.set(key, (perKey.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        if (key === null) return;
        const left = (perKey.get(key) ?? 1) - 1;
        if (left > 0) perKey.set(key, left);
        else perKey.delete(key);
      };
    },
  };
}
