// The outbox: one row per committed business event, written in the same transaction as the fact
// it describes. The relay (electron/core/sync) reads pending rows in seq order and marks them.
import type Database from 'better-sqlite3';
import {
  CURRENT_SCHEMA_VERSION,
  validateEvent,
  type EventOf,
  type EventType,
  type PosEvent,
} from '../../../shared/events/envelope';
import { AppFailure } from '../../../shared/result';
import type { CountersRepo } from '../db/counters';

export interface OutboxCounts {
  pending: number;
  /** Pending events that are sales: what an owner means by "sales kept on this till". */
  pendingSales: number;
  sent: number;
  rejected: number;
  lastSeq: number;
  lastSentAt: number | null;
}

export interface RejectedRow {
  event_id: string;
  type: string;
  seq: number;
  reject_reason: string | null;
  reject_code: string | null;
  sent_at: number | null;
  occurred_at: number;
}

export interface AppendInput<T extends EventType> {
  eventId: string;
  type: T;
  storeId: string;
  tillId: string;
  occurredAt: number;
  payload: EventOf<T>['payload'];
}

export const outboxRepo = (db: Database.Database, counters: CountersRepo) => {
  const insert = db.prepare<[number, string, string, number, string]>(
    'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
  );
  // Counted over the (status, seq) index ranges; pending and rejected stay small, so "sent" is
  // derived from the gapless seq instead of scanning a million sent rows.
  const countStatus = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE status = ?',
  );
  const pendingSales = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND type = 'sale'",
  );
  const lastSent = db.prepare<[], { at: number | null }>(
    "SELECT sent_at AS at FROM outbox WHERE status = 'sent' ORDER BY seq DESC LIMIT 1",
  );
  const rejected = db.prepare<[number], RejectedRow>(
    `SELECT event_id, type, seq, reject_reason, reject_code, sent_at, occurred_at FROM outbox
     WHERE status = 'rejected' ORDER BY seq DESC LIMIT ?`,
  );
  const pending = db.prepare<[number], { seq: number; body: string }>(
    "SELECT seq, body FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?",
  );

  return {
    /**
     * Validates the envelope with the wire schema and inserts it with the next gapless seq.
     * Must run inside the caller's transaction so the event and the fact commit together.
     */
    append<T extends EventType>(input: AppendInput<T>): PosEvent {
      if (!db.inTransaction)
        throw new Error('outbox.append must run inside the fact’s transaction');
      const seq = counters.next('outbox_seq');
      const envelope = {
        eventId: input.eventId,
        type: input.type,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        storeId: input.storeId,
        tillId: input.tillId,
        seq,
        occurredAt: input.occurredAt,
        payload: input.payload,
      };
      const checked = validateEvent(envelope);
      if (!checked.ok) {
        throw new AppFailure(
          'INTERNAL',
          `Refusing to write an invalid ${input.type} event: ${checked.message}`,
        );
      }
      insert.run(seq, input.eventId, input.type, input.occurredAt, JSON.stringify(checked.event));
      return checked.event;
    },
    counts(): OutboxCounts {
      const lastSeq = counters.current('outbox_seq');
      const pendingCount = countStatus.get('pending')!.n;
      const rejectedCount = countStatus.get('rejected')!.n;
      return {
        pending: pendingCount,
        pendingSales: pendingSales.get()!.n,
        rejected: rejectedCount,
        sent: lastSeq - pendingCount - rejectedCount,
        lastSeq,
        lastSentAt: lastSent.get()?.at ?? null,
      };
    },
    rejected: (limit: number): RejectedRow[] => rejected.all(limit),
    pending: (limit: number) => pending.all(limit),
  };
};
export type OutboxRepo = ReturnType<typeof outboxRepo>;
