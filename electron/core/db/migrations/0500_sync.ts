// Tables of the sync side (electron/core/sync): the enrolment and relay settings, the owner's
// acknowledgements of rejected events, HQ's analytics answers cached for offline viewing, and the
// catalog fields HQ last sent for each product it owns.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`
-- Key/value: hq_url, store_id, till_id, enrolled_at, token (plain or sealed), last_sync_at,
-- needs_reenrolment, catalog_cursor, catalog_synced_at.
CREATE TABLE sync_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- A rejected outbox event stays rejected; this records that the owner has seen it.
CREATE TABLE sync_rejection_ack (
  event_id TEXT PRIMARY KEY,
  dismissed_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One row per dashboard query (a stable key; url is the request last made for it, since its
-- date range moves with the calendar). The dashboard reads it offline, stamped 'as of'.
CREATE TABLE analytics_cache (
  query_key TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  etag TEXT,
  body TEXT NOT NULL,
  as_of INTEGER,
  fetched_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Products that came from HQ, with the HQ snapshot last applied (HQ wins for these fields).
CREATE TABLE hq_products (
  product_id TEXT PRIMARY KEY,
  snapshot TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`);
};
