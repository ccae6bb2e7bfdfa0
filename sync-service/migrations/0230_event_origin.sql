-- Where each ledger event came from, judged by its time (issue 11): 'live' (rung up recently),
-- 'import' (a history import, payload.importRef) or 'late' (occurred more than the late window
-- before the warehouse applied it: a till offline for weeks, or a wrong clock). Old events are not
-- refused, so HQ must be able to tell them apart: the console's store health counts them.
-- The constant default keeps this ALTER instant on a large ledger; only non-live rows are updated.
ALTER TABLE events ADD COLUMN origin text NOT NULL DEFAULT 'live';
CREATE INDEX events_store_origin ON events (store_id, origin) WHERE origin <> 'live';
