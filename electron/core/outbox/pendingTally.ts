// (Outbox domain: the relay thread's count of its table; electron/core/sync calls it.)
// A running count of the pending outbox for the relay, so its state after every batch costs an
// index range probe over the rows committed since the last look instead of a COUNT(*) over a
// 100,000-row backlog. Invariant: `count` is the number of pending rows with seq <= `through`.
// Sequence numbers are handed out inside the writing transaction, so they commit in order and a
// row never appears below `through` later. Only the relay changes a row's status, and it reads a
// row (readPending, then refresh) before it resolves it, so every resolved row was counted.
import type Database from 'better-sqlite3';

export interface PendingTally {
  /** Counts pending rows committed since the last look and returns the total. */
  refresh(): number;
  /** Rows the relay has just marked sent or rejected. */
  resolved(rows: number): void;
  count(): number;
  throughSeq(): number;
}

export const createPendingTally = (db: Database.Database): PendingTally => {
  const since = db.prepare<[number], { n: number; m: number | null }>(
    `SELECT count(*) AS n, max(seq) AS m FROM outbox WHERE status = 'pending' AND seq > ?`,
  );
  let count: number | null = null;
  let through = 0;
  const refresh = (): number => {
    const r = since.get(through);
    count = (count ?? 0) + (r?.n ?? 0);
    if (r?.m != null) through = r.m;
    return count;
  };
  return {
    refresh,
    resolved: (rows) => {
      count = Math.max(0, (count ?? refresh()) - rows);
    },
    count: () => count ?? refresh(),
    throughSeq: () => through,
  };
};
