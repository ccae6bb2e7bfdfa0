// Idle lock (issue 12): after this many minutes without a key or a touch the till locks and asks
// for a PIN again. Per till, in the settings row; existing tills get the default of 5 minutes.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`
ALTER TABLE settings ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 5
  CHECK (idle_lock_minutes BETWEEN 1 AND 240);
`);
};
