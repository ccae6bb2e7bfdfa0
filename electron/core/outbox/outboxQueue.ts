// The relay's view of the outbox table, kept here with the table's other statements (the outbox
// domain owns the table; electron/core/sync only calls this interface, on the main connection or
// on the relay thread's own): it reads the pending rows it sends and writes only status updates. The counts and the rejected
// events the owner sees are read by the outbox's repository alone (outbox/outboxRepo.ts). Its
// writes are small IMMEDIATE transactions (at most ANSWER_CHUNK rows each), so a checkout on
// another connection never waits behind a long relay write, and the relay waits its turn
// (busy_timeout) instead of failing a lock upgrade.
import type Database from 'better-sqlite3';

/** A pending outbox row as the relay sends it: the stored body is the wire envelope. */
export interface PendingRow {
  seq: number;
  eventId: string;
  body: string;
}

export interface EventAnswer {
  seq: number;
  status: 'accepted' | 'rejected';
  code?: string | undefined;
  message?: string | undefined;
}

export interface OutboxQueue {
  readPending(limit: number): PendingRow[];
  /** Applies one gateway response in one transaction. Returns how many rows it resolved. */
  applyAnswers(answers: readonly EventAnswer[], now: number): number;
  /** Returns 1 if the row was still pending and is now rejected, else 0. */
  reject(seq: number, code: string, reason: string, now: number): number;
  countAttempt(seqs: readonly number[]): void;
  pendingCount(): number;
  /** Pending rows with a seq above `seq` (an index range probe: cheap for a few new rows). */
  pendingAfter(seq: number): number;
}

/** Status updates per write transaction: a few hundred microseconds of write lock each. */
const ANSWER_CHUNK = 100;

export interface OutboxQueueOptions {
  /**
   * Runs between two status transactions of one answer. The relay's thread pauses there so a
   * checkout on the main connection, whose busy handler retries after 1 ms, gets the write lock
   * before the next chunk takes it again.
   */
  betweenWrites?: () => void;
  /** Runs before every write transaction (the relay waits out the cashier's gate here). */
  beforeWrite?: () => void;
}

export const createOutboxQueue = (
  db: Database.Database,
  options: OutboxQueueOptions = {},
): OutboxQueue => {
  const selectPending = db.prepare<[number], PendingRow>(
    `SELECT seq, event_id AS eventId, body FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?`,
  );
  // `status = 'pending'` in the WHERE keeps a late duplicate answer from flipping a row twice.
  const markSent = db.prepare<[number, number]>(
    `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE seq = ? AND status = 'pending'`,
  );
  const markRejected = db.prepare<[number, string, string, number]>(
    `UPDATE outbox SET status = 'rejected', sent_at = ?, reject_code = ?, reject_reason = ?, attempts = attempts + 1
     WHERE seq = ? AND status = 'pending'`,
  );
  const bumpAttempts = db.prepare<[number]>(
    `UPDATE outbox SET attempts = attempts + 1 WHERE seq = ? AND status = 'pending'`,
  );
  const countPending = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE status = 'pending'`,
  );
  const countPendingAfter = db.prepare<[number], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND seq > ?`,
  );
  const applyChunk = db.transaction((answers: readonly EventAnswer[], now: number): number => {
    let changed = 0;
    for (const a of answers) {
      const info =
        a.status === 'accepted'
          ? markSent.run(now, a.seq)
          : markRejected.run(
              now,
              a.code ?? 'REJECTED',
              a.message ?? 'Rejected by the sync service.',
              a.seq,
            );
      changed += info.changes;
    }
    return changed;
  });
  const countAttempt = db.transaction((seqs: readonly number[]) => {
    for (const seq of seqs) bumpAttempts.run(seq);
  });

  return {
    readPending: (limit) => selectPending.all(limit),
    applyAnswers: (answers, now) => {
      let changed = 0;
      for (let i = 0; i < answers.length; i += ANSWER_CHUNK) {
        if (i > 0) options.betweenWrites?.();
        options.beforeWrite?.();
        changed += applyChunk.immediate(answers.slice(i, i + ANSWER_CHUNK), now);
      }
      return changed;
    },
    reject: (seq, code, reason, now) => {
      options.beforeWrite?.();
      return markRejected.run(now, code, reason, seq).changes;
    },
    countAttempt: (seqs) => {
      options.beforeWrite?.();
      countAttempt.immediate(seqs);
    },
    pendingCount: () => countPending.get()?.n ?? 0,
    pendingAfter: (seq) => countPendingAfter.get(seq)?.n ?? 0,
  };
};
