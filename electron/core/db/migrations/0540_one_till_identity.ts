// One copy of the store/till ids (issue 13). Enrolment used to write HQ's ids twice: into the
// settings row, where every sale takes them from, and into sync_settings, where the relay read
// them. The settings row is now the only copy; the relay reads it (settingsRepo's
// tillIdentityRepo). An enrolled till keeps the ids its relay used (enrolment wrote both copies in
// one transaction, so they agree; if they ever did not, the ids already sent to HQ win), and the
// sync copy goes.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`
UPDATE settings SET
  store_id = coalesce((SELECT value FROM sync_settings WHERE key = 'store_id'), store_id),
  till_id = coalesce((SELECT value FROM sync_settings WHERE key = 'till_id'), till_id)
WHERE id = 1;
DELETE FROM sync_settings WHERE key IN ('store_id', 'till_id');
`);
};
