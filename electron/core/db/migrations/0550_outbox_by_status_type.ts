// The status strip's counts (outbox-status, polled every 10 s) include "sales waiting", a
// count(*) over pending rows of type 'sale'. With only the (status, seq) index SQLite read every
// pending row's `type` from the table: 40-90 ms on the till's main thread with 100,000 queued
// sales (bench catchup), the longest stall measured while the relay drained. A (status, type)
// index answers both pending counts from the index alone.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`CREATE INDEX outbox_by_status_type ON outbox (status, type);`);
};
