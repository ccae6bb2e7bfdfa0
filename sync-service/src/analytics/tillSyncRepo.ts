// Per-till last sync for the HQ view: the gateway's record of the last accepted push
// (till_sync_state) beside the newest event the warehouse applied for the till, read from the
// events ledger through its (store_id, till_id, seq) index: one short backward scan per till.
import type { TillSyncRow } from '../../../shared/sync/analyticsApi';
import type { SqlClient } from '../warehouse/sqlClient';

const ms = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::bigint::text`;

const TILL_SYNC = `
SELECT t.store_id, s.name AS store_name, s.time_zone, t.till_id, t.name AS till_name,
  ${ms('t.enrolled_at')} AS enrolled_ms, ${ms('ss.last_push_at')} AS push_ms, ss.last_push_events,
  coalesce(ss.pushes, 0)::text AS pushes, ss.pushed_seq::text AS pushed_seq,
  ${ms('ss.pushed_event_at')} AS pushed_event_ms, a.seq::text AS applied_seq,
  ${ms('a.occurred_at')} AS applied_event_ms, ${ms('a.applied_at')} AS applied_ms
FROM tills t
JOIN stores s ON s.store_id = t.store_id
LEFT JOIN till_sync_state ss ON ss.till_id = t.till_id
LEFT JOIN LATERAL (
  SELECT e.seq, e.occurred_at, e.applied_at FROM events e
  WHERE e.store_id = t.store_id AND e.till_id = t.till_id
  ORDER BY e.seq DESC LIMIT 1
) a ON true
WHERE ($1::text IS NULL OR t.store_id = $1)
ORDER BY s.name, t.store_id, t.name, t.till_id`;

interface Row {
  store_id: string;
  store_name: string;
  time_zone: string;
  till_id: string;
  till_name: string;
  enrolled_ms: string | null;
  push_ms: string | null;
  last_push_events: number | null;
  pushes: string;
  pushed_seq: string | null;
  pushed_event_ms: string | null;
  applied_seq: string | null;
  applied_event_ms: string | null;
  applied_ms: string | null;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** Every till of the scope (null = the chain), enrolled or not, by store name then till name. */
export const tillSyncRows = async (
  db: SqlClient,
  storeId: string | null,
): Promise<TillSyncRow[]> => {
  const result = await db.query<Row>(TILL_SYNC, [storeId]);
  return result.rows.map((r) => ({
    storeId: r.store_id,
    storeName: r.store_name,
    timeZone: r.time_zone,
    tillId: r.till_id,
    tillName: r.till_name,
    enrolledAt: num(r.enrolled_ms),
    lastPushAt: num(r.push_ms),
    lastPushEvents: r.last_push_events,
    pushes: Number(r.pushes),
    pushedSeq: num(r.pushed_seq),
    pushedEventAt: num(r.pushed_event_ms),
    appliedSeq: num(r.applied_seq),
    appliedEventAt: num(r.applied_event_ms),
    appliedAt: num(r.applied_ms),
  }));
};
