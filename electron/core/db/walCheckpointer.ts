// Moves WAL checkpoints off the sale's commit path and off the main thread. SQLite's automatic
// checkpoint runs inside whichever commit crosses the threshold (every ~1,000 pages, i.e. every
// few dozen sales), and with synchronous=FULL it fsyncs the main file there: that one sale waits
// several times longer. A checkpoint on a main-thread timer instead blocks the event loop for as
// long as it copies (tens of ms while the relay marks a backlog sent), and never runs while the
// loop is busy. So once the WAL has grown past a few MB, a worker thread with its own connection
// checkpoints every second; the much larger automatic threshold stays only as a backstop.
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { spawnCoreWorker } from '../spawnCoreWorker';

const BACKSTOP_PAGES = 20_000;
const INTERVAL_MS = 1_000;
/** Below this a WAL needs no checkpointing yet (a till that only browses never starts a thread). */
const START_AT_BYTES = 4 * 1024 * 1024;

export const startWalCheckpointer = (
  db: Database.Database,
  log: (line: string) => void,
): (() => Promise<void>) => {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let worker: Worker | null = null;
  const watch = setInterval(() => {
    let size = 0;
    try {
      size = statSync(`${db.name}-wal`).size;
    } catch {
      return; // no WAL file yet
    }
    if (size < START_AT_BYTES) return;
    clearInterval(watch);
    worker = spawnCoreWorker('db/walCheckpointWorker', {
      dbFile: db.name,
      intervalMs: INTERVAL_MS,
    });
    worker.on('message', (line: string) => log(line));
    worker.on('error', (e) => log(`[till-core] WAL checkpointer thread failed: ${e.message}`));
    worker.unref(); // like the timer it replaces, it never keeps the process alive
  }, INTERVAL_MS);
  watch.unref();
  return () => {
    clearInterval(watch);
    const running = worker;
    if (!running) return Promise.resolve();
    // On 'stop' the thread closes its connection and its port, then exits.
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.postMessage('stop');
    return exited;
  };
};

/**
 * SQLite's own checkpointing, inside the commit that crosses 1,000 WAL pages: no extra thread.
 * For hosts running many till cores in one process (the chain simulator runs 100 per process),
 * where one more thread per till costs more memory than the commit latency it saves is worth.
 */
export const inlineWalCheckpoints = (db: Database.Database): (() => Promise<void>) => {
  db.pragma('wal_autocheckpoint = 1000');
  return () => Promise.resolve();
};
