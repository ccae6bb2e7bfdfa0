// The WAL checkpointer's thread (started by walCheckpointer.ts once the WAL has grown): copies
// committed pages back into the database file on a connection of its own, so that work and its
// fsync never hold the main thread's event loop, and it keeps running while the main thread is
// busy. PASSIVE never waits for readers or the writer; it copies what no open snapshot needs.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../threadPriority';

const port = parentPort;
if (!port) throw new Error('walCheckpointWorker runs as a worker thread only');
const { dbFile, intervalMs } = workerData as { dbFile: string; intervalMs: number };
// Copying pages back is background work: the cashier's thread goes first on a busy CPU.
lowerThisThreadPriority();

const db = new Database(dbFile, { fileMustExist: true });
db.pragma('wal_autocheckpoint = 0'); // this connection only checkpoints, on its timer
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    port.postMessage(`[till-core] WAL checkpoint skipped: ${(e as Error).message}`);
  }
}, intervalMs);

port.on('message', () => {
  // Any message means stop.
  clearInterval(timer);
  db.close();
  port.close();
});
