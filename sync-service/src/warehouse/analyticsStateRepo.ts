// Per-store analytics version and "as of", bumped in the applying transaction, and the NOTIFY that
// tells every analytics process (and through it, SSE subscribers) which stores changed. NOTIFY is
// transactional: listeners hear it only once the figures are committed.
import type { PosEvent } from '../../../shared/events';
import type { SqlClient } from './sqlClient';

export const ANALYTICS_CHANNEL = 'analytics_changed';

export interface StoreVersion {
  storeId: string;
  version: number;
  asOf: number;
}

const BUMP = `
INSERT INTO store_analytics_state AS st (store_id, version, as_of, applied_at, events_applied)
SELECT u.store_id, 1, to_timestamp(u.max_ms / 1000.0), clock_timestamp(), u.n
FROM unnest($1::text[], $2::bigint[], $3::int[]) AS u(store_id, max_ms, n)
ORDER BY u.store_id
ON CONFLICT (store_id) DO UPDATE SET version = st.version + 1, as_of = greatest(st.as_of, EXCLUDED.as_of),
  applied_at = EXCLUDED.applied_at, events_applied = st.events_applied + EXCLUDED.events_applied
RETURNING store_id, version::text AS version, (extract(epoch FROM as_of) * 1000)::bigint::text AS as_of_ms`;

/** Keeps each NOTIFY payload well under Postgres's 8,000-byte limit. */
const NOTIFY_CHUNK = 60;

export const bumpStoreVersions = async (
  db: SqlClient,
  applied: readonly PosEvent[],
): Promise<StoreVersion[]> => {
  const perStore = new Map<string, { maxMs: number; n: number }>();
  for (const e of applied) {
    const s = perStore.get(e.storeId) ?? { maxMs: 0, n: 0 };
    s.maxMs = Math.max(s.maxMs, e.occurredAt);
    s.n += 1;
    perStore.set(e.storeId, s);
  }
  if (perStore.size === 0) return [];
  const ids = [...perStore.keys()];
  const result = await db.query<{ store_id: string; version: string; as_of_ms: string }>(BUMP, [
    ids,
    ids.map((id) => perStore.get(id)?.maxMs ?? 0),
    ids.map((id) => perStore.get(id)?.n ?? 0),
  ]);
  const versions = result.rows.map((r) => ({
    storeId: r.store_id,
    version: Number(r.version),
    asOf: Number(r.as_of_ms),
  }));
  for (let i = 0; i < versions.length; i += NOTIFY_CHUNK) {
    await db.query('SELECT pg_notify($1, $2)', [
      ANALYTICS_CHANNEL,
      JSON.stringify(versions.slice(i, i + NOTIFY_CHUNK)),
    ]);
  }
  return versions;
};
