// Till authentication: bearer token → the store and till it was issued to. Tokens are looked up
// by their sha256; verified ones are cached in memory for a short time because every event push
// authenticates and the database should not be hit for each. A revocation (here or, through
// revocationFeed.ts, in any other process) drops the till from the cache at once and tells the
// subscribers (the till's open analytics streams), so the cache never outlives a revocation.
import type { Pool } from 'pg';
import { sha256 } from './secrets';

export interface TillIdentity {
  storeId: string;
  tillId: string;
}

export type RevokedListener = (tillId: string) => void;

export interface TillRevocations {
  /** Called with a till's id whenever its credentials were revoked; returns unsubscribe. */
  onRevoked(listener: RevokedListener): () => void;
}

export interface TillAuthenticator extends TillRevocations {
  authenticate(token: string): Promise<TillIdentity | null>;
  /** Drops cached tokens of a till and tells onRevoked listeners (revoked, re-enrolled). */
  forgetTill(tillId: string): void;
  /** Drops every cached token (the revocation feed lost its connection and may have missed some). */
  forgetAll(): void;
}

const MAX_CACHED = 10_000;

export function createTillAuthenticator(pool: Pool, ttlMs: number): TillAuthenticator {
  const cache = new Map<string, { identity: TillIdentity; expiresAt: number }>();
  const listeners = new Set<RevokedListener>();
  // Bumped by every forget: a lookup that started before a revocation must not cache its answer.
  let epoch = 0;
  return {
    async authenticate(token) {
      const hash = sha256(token);
      const key = hash.toString('hex');
      const cached = cache.get(key);
      if (cached && cached.expiresAt > Date.now()) return cached.identity;
      cache.delete(key);
      const started = epoch;
      const { rows } = await pool.query<{ store_id: string; till_id: string }>(
        `SELECT t.store_id, t.till_id
           FROM till_tokens k JOIN tills t ON t.till_id = k.till_id
          WHERE k.token_hash = $1 AND k.revoked_at IS NULL`,
        [hash],
      );
      const row = rows[0];
      if (!row) return null;
      const identity = { storeId: row.store_id, tillId: row.till_id };
      if (ttlMs > 0 && started === epoch) {
        // Oldest-first eviction keeps the cache bounded however many tokens are tried.
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(key, { identity, expiresAt: Date.now() + ttlMs });
      }
      return identity;
    },
    forgetTill(tillId) {
      epoch++;
      for (const [key, entry] of cache) if (entry.identity.tillId === tillId) cache.delete(key);
      for (const listener of listeners) listener(tillId);
    },
    forgetAll() {
      epoch++;
      cache.clear();
    },
    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
