// Till authentication: bearer token → the store and till it was issued to. Tokens are looked up
// by their sha256; verified ones are cached in memory for a short time because every event push
// authenticates and the database should not be hit for each.
import type { Pool } from 'pg';
import { sha256 } from './secrets';

export interface TillIdentity {
  storeId: string;
  tillId: string;
}

export interface TillAuthenticator {
  authenticate(token: string): Promise<TillIdentity | null>;
  /** Drops cached tokens of a till (after re-enrollment revoked them). */
  forgetTill(tillId: string): void;
}

const MAX_CACHED = 10_000;

export function createTillAuthenticator(pool: Pool, ttlMs: number): TillAuthenticator {
  const cache = new Map<string, { identity: TillIdentity; expiresAt: number }>();
  return {
    async authenticate(token) {
      const hash = sha256(token);
      const key = hash.toString('hex');
      const cached = cache.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached.identity;
      cache.delete(key);
      const { rows } = await pool.query<{ store_id: string; till_id: string }>(
        `SELECT t.store_id, t.till_id
           FROM till_tokens k JOIN tills t ON t.till_id = k.till_id
          WHERE k.token_hash = $1 AND k.revoked_at IS NULL`,
        [hash],
      );
      const row = rows[0];
      if (!row) return null;
      const identity = { storeId: row.store_id, tillId: row.till_id };
      if (ttlMs > 0) {
        // Oldest-first eviction keeps the cache bounded however many tokens are tried.
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(key, { identity, expiresAt: Date.now() + ttlMs });
      }
      return identity;
    },
    forgetTill(tillId) {
      for (const [key, entry] of cache) if (entry.identity.tillId === tillId) cache.delete(key);
    },
  };
}

/** One-off check without a cache (scripts and tests). */
export async function authenticateTill(pool: Pool, bearer: string): Promise<TillIdentity | null> {
  return createTillAuthenticator(pool, 0).authenticate(bearer);
}
