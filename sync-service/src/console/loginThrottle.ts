// Per-address limit on failed console logins, beside the per-account lockout kept in Postgres:
// it stops one client from guessing across many accounts. Held in this process's memory (a
// restart forgets it, and several gateway processes each count on their own): enough to slow
// guessing to a crawl, and no table to fill with attackers' addresses.
export interface LoginThrottle {
  /** Milliseconds until the address may try again, or 0. */
  blockedFor(address: string, now?: number): number;
  fail(address: string, now?: number): void;
}

const MAX_ADDRESSES = 50_000;

export function createLoginThrottle(maxFailures: number, windowMs: number): LoginThrottle {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (address: string, now: number) => {
    const entry = failures.get(address);
    if (entry && now - entry.since >= windowMs) {
      failures.delete(address);
      return null;
    }
    return entry ?? null;
  };
  return {
    blockedFor(address, now = Date.now()) {
      const entry = current(address, now);
      return entry && entry.count >= maxFailures ? entry.since + windowMs - now : 0;
    },
    fail(address, now = Date.now()) {
      const entry = current(address, now);
      if (entry) {
        entry.count++;
        return;
      }
      // Oldest-first eviction keeps memory bounded whatever the number of addresses.
      if (failures.size >= MAX_ADDRESSES) failures.delete(failures.keys().next().value as string);
      failures.set(address, { count: 1, since: now });
    },
  };
}
