// Sync health of stores and tills for the console, read in one statement each from tills,
// till_tokens, till_sync_state (written once per push by the gateway's tillSyncRecorder) and
// till_catalog_pulls. "Events today" is the recorder's per-till count of the store's local day,
// so no query here scans the events ledger.
import {
  TILL_OVERDUE_MS,
  type ConsoleTill,
  type StoreHealth,
  type TillStatus,
} from '../../../shared/console/consoleApi';
import type { TillRow } from '../enrollment/storesRepo';
import type { SqlClient } from '../warehouse/sqlClient';

interface TillHealthRow extends TillRow {
  has_token: boolean;
  last_push_at: Date | null;
  events_today: string;
  catalog_version: string | null;
  catalog_pulled_at: Date | null;
}

const TILLS_SQL = `
SELECT t.till_id, t.store_id, t.name, t.created_at, t.enrolled_at, t.revoked_at,
  EXISTS (SELECT 1 FROM till_tokens k WHERE k.till_id = t.till_id AND k.revoked_at IS NULL) AS has_token,
  ss.last_push_at,
  CASE WHEN ss.events_day = (now() AT TIME ZONE s.time_zone)::date THEN ss.events_day_count ELSE 0 END
    AS events_today,
  cp.version AS catalog_version, cp.pulled_at AS catalog_pulled_at
FROM tills t
JOIN stores s ON s.store_id = t.store_id
LEFT JOIN till_sync_state ss ON ss.till_id = t.till_id
LEFT JOIN till_catalog_pulls cp ON cp.till_id = t.till_id
WHERE ($1::text IS NULL OR t.store_id = $1) AND ($2::text IS NULL OR t.till_id = $2)
ORDER BY t.store_id, t.created_at, t.till_id`;

const statusOf = (row: TillHealthRow): TillStatus =>
  row.revoked_at !== null ? 'revoked' : row.has_token ? 'active' : 'awaiting-enrollment';

const toTill = (row: TillHealthRow, now: number): ConsoleTill => {
  const status = statusOf(row);
  const lastPushAt = row.last_push_at?.getTime() ?? null;
  // An active till that has been silent (or never pushed since enrolling) for an hour.
  const since = lastPushAt ?? row.enrolled_at?.getTime() ?? null;
  return {
    tillId: row.till_id,
    storeId: row.store_id,
    name: row.name,
    status,
    createdAt: row.created_at.getTime(),
    enrolledAt: row.enrolled_at?.getTime() ?? null,
    revokedAt: row.revoked_at?.getTime() ?? null,
    lastPushAt,
    overdue: status === 'active' && since !== null && now - since > TILL_OVERDUE_MS,
    eventsToday: Number(row.events_today),
    catalogVersion: row.catalog_version === null ? null : Number(row.catalog_version),
    catalogPulledAt: row.catalog_pulled_at?.getTime() ?? null,
  };
};

/** Tills of one store, or of the chain (null), with their sync health. */
export async function listConsoleTills(
  db: SqlClient,
  storeId: string | null,
  now: number = Date.now(),
): Promise<ConsoleTill[]> {
  const { rows } = await db.query<TillHealthRow>(TILLS_SQL, [storeId, null]);
  return rows.map((row) => toTill(row, now));
}

/** One till with its sync health, or null. */
export async function findConsoleTill(
  db: SqlClient,
  tillId: string,
  now: number = Date.now(),
): Promise<ConsoleTill | null> {
  const { rows } = await db.query<TillHealthRow>(TILLS_SQL, [null, tillId]);
  return rows[0] ? toTill(rows[0], now) : null;
}

export const emptyHealth = (): StoreHealth => ({
  tills: 0,
  activeTills: 0,
  overdueTills: 0,
  lastPushAt: null,
  eventsToday: 0,
  importedEvents: 0,
  lateEvents: 0,
});

const ORIGINS_SQL = `
SELECT store_id, count(*) FILTER (WHERE origin = 'import') AS imported,
  count(*) FILTER (WHERE origin = 'late') AS late
FROM events
WHERE origin <> 'live' AND ($1::text IS NULL OR store_id = $1)
GROUP BY store_id`;

/**
 * Imported and late ledger events per store (warehouse/eventOrigin.ts). The partial index on
 * non-live rows keeps this off the bulk of the ledger.
 */
export async function addEventOrigins(
  db: SqlClient,
  health: Map<string, StoreHealth>,
  storeId: string | null,
): Promise<Map<string, StoreHealth>> {
  const { rows } = await db.query<{ store_id: string; imported: string; late: string }>(
    ORIGINS_SQL,
    [storeId],
  );
  for (const row of rows) {
    const h = health.get(row.store_id) ?? emptyHealth();
    h.importedEvents = Number(row.imported);
    h.lateEvents = Number(row.late);
    health.set(row.store_id, h);
  }
  return health;
}

/** Rolls tills up into their stores' health. */
export function storeHealthOf(tills: readonly ConsoleTill[]): Map<string, StoreHealth> {
  const byStore = new Map<string, StoreHealth>();
  for (const till of tills) {
    const health = byStore.get(till.storeId) ?? emptyHealth();
    health.tills++;
    if (till.status === 'active') health.activeTills++;
    if (till.overdue) health.overdueTills++;
    if (till.lastPushAt !== null)
      health.lastPushAt = Math.max(health.lastPushAt ?? 0, till.lastPushAt);
    health.eventsToday += till.eventsToday;
    byStore.set(till.storeId, health);
  }
  return byStore;
}
