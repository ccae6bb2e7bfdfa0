import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempTillDb, waitFor, type TempDb } from '../../test/sync/syncTestSupport';
import { inlineWalCheckpoints, startWalCheckpointer } from './walCheckpointer';

let temp: TempDb | null = null;
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  temp?.close();
  temp = null;
  stop = null;
});

describe('WAL checkpointer', () => {
  it('once the WAL has grown, copies it back into the database file from its own thread', async () => {
    temp = openTempTillDb();
    const { db } = temp;
    const logs: string[] = [];
    stop = startWalCheckpointer(db, (l) => logs.push(l));
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler (x) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 1_500; i++) insert.run('x'.repeat(4_000));
    })();
    const mainFile = () => statSync(db.name).size;
    const before = mainFile();
    expect(statSync(`${db.name}-wal`).size).toBeGreaterThan(4 * 1024 * 1024);
    // Nothing on the main thread checkpoints (the backstop is 20,000 pages): the file grows only
    // because the worker copied the pages back.
    await waitFor(() => mainFile() > before + 4 * 1024 * 1024, 10_000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(20_000);
    expect(logs).toEqual([]);
    // Stopping resolves once the thread has closed its connection and exited.
    const stopping = stop();
    stop = null;
    await expect(stopping).resolves.toBeUndefined();
  });

  it('inline: SQLite checkpoints inside the commits, so the WAL never outgrows ~1,000 pages', () => {
    temp = openTempTillDb();
    const { db } = temp;
    stop = inlineWalCheckpoints(db);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler (x) VALUES (?)');
    for (let i = 0; i < 300; i++) db.transaction(() => insert.run('x'.repeat(40_000)))();
    // 12 MB went through the WAL, which was reset each time it passed 1,000 pages (4 MB).
    expect(statSync(`${db.name}-wal`).size).toBeLessThan(6 * 1024 * 1024);
    expect(statSync(db.name).size).toBeGreaterThan(8 * 1024 * 1024);
  });
});
