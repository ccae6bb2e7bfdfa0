// Retry delays for the relay and the pullers. "Full jitter" (a uniform draw between 0 and the
// exponential cap) spreads a fleet of tills that lost the same gateway at the same moment, so
// they do not all come back in lock-step and knock it over again.

export interface BackoffPolicy {
  /** Delay cap for the first retry. */
  baseMs: number;
  /** Ceiling for any single delay, however many failures in a row. */
  maxMs: number;
  /** Lower bound so a zero draw does not become a hot loop. */
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000, minMs: 100 };

/**
 * Delay before retry number `failures` (1 = first failure). `random` returns [0, 1).
 * A server's Retry-After is honoured as a floor: never come back earlier than it asked.
 */
export const backoffDelay = (
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
  retryAfterMs: number | null = null,
): number => {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.max(policy.minMs, Math.floor(random() * cap));
  return retryAfterMs !== null && retryAfterMs > jittered
    ? Math.min(retryAfterMs, policy.maxMs * 5)
    : jittered;
};

/** Parses an HTTP Retry-After header (seconds or an HTTP date) into milliseconds from now. */
export const parseRetryAfter = (header: string | null, nowMs: number): number | null => {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
};
