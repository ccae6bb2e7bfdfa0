// Moves WAL checkpoints off the sale's commit path. SQLite's automatic checkpoint runs inside
// whichever commit crosses the threshold (every ~1,000 pages, i.e. every few dozen sales), and
// with synchronous=FULL it fsyncs the main file there: that one sale waits several times longer.
// Instead the till checkpoints on a timer, between calls, and keeps a much larger automatic
// threshold only as a backstop if the event loop never idles.
import type Database from 'better-sqlite3';

const BACKSTOP_PAGES = 20_000;
const INTERVAL_MS = 1_000;

export const startWalCheckpointer = (
  db: Database.Database,
  log: (line: string) => void,
): (() => void) => {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const timer = setInterval(() => {
    if (!db.open || db.inTransaction) return;
    try {
      // PASSIVE never waits for readers: it copies what no open snapshot still needs.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      log(`[till-core] WAL checkpoint skipped: ${(e as Error).message}`);
    }
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
};
