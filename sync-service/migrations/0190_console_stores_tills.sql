-- What the HQ console adds to stores and tills: a store code people use (unique, any case), a
-- revoked marker on tills (their tokens are revoked too; the marker says HQ meant it), a per-till
-- count of events the gateway accepted on the store's local day (kept by the same once-per-push
-- UPSERT as the last push, so "events today" costs no scan of the ledger), and which catalog
-- version each till has pulled.
ALTER TABLE stores ADD COLUMN code text CHECK (code ~ '^[A-Za-z0-9_.-]{1,32}$');
UPDATE stores SET code = store_id WHERE store_id ~ '^[A-Za-z0-9_.-]{1,32}$';
CREATE UNIQUE INDEX stores_code ON stores (lower(code));

ALTER TABLE tills ADD COLUMN revoked_at timestamptz;

ALTER TABLE till_sync_state ADD COLUMN events_day date;
ALTER TABLE till_sync_state ADD COLUMN events_day_count bigint NOT NULL DEFAULT 0;

-- One row per till, upserted when it pulls the catalog (rare: on start and on "sync now").
CREATE TABLE till_catalog_pulls (
  till_id text PRIMARY KEY REFERENCES tills (till_id),
  version bigint NOT NULL,
  pulled_at timestamptz NOT NULL
);
