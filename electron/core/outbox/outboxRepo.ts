// The outbox: one row per committed business event, written in the same transaction as the fact
// it describes. The relay (electron/core/sync) reads pending rows in seq order and marks them.
// This repository is the only reader of the outbox's counts and of the rejected events the owner
// must see (with sync_rejection_ack, the owner's dismissals of them), so the status strip
// (outbox-status) and the attention list (sync-status) can never count differently.
import type Database from 'better-sqlite3';
import {
  CURRENT_SCHEMA_VERSION,
  validateEvent,
  type EventOf,
  type EventType,
  type PosEvent,
} from '../../../shared/events/envelope';
import { AppFailure } from '../../../shared/result';
import type { OutboxStatus } from '../../../shared/api/types';
import type { RejectedEventInfo } from '../../../shared/api/sync';
import type { CountersRepo } from '../db/counters';

/** The queue's counts as outbox-status shows them ("sent" and "rejected": see the API type). */
export type OutboxCounts = Pick<
  OutboxStatus,
  'pending' | 'pendingSales' | 'sent' | 'rejected' | 'lastSeq' | 'lastSentAt'
>;

/** A rejected event the owner has not dismissed, as sync-status and outbox-status show it. */
export type RejectedEvent = RejectedEventInfo;

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
  // Dismissal hides a rejected event from both views; the event itself stays rejected (a fact).
  const countUndismissedRejected = db.prepare<[], { n: number }>(
    `SELECT count(*) AS n FROM outbox o LEFT JOIN sync_rejection_ack a ON a.event_id = o.event_id
     WHERE o.status = 'rejected' AND a.event_id IS NULL`,
  );
  const selectRejected = db.prepare<[number], RejectedEvent>(
    `SELECT o.event_id AS eventId, o.type, o.seq, coalesce(o.reject_code, '') AS code,
            coalesce(o.reject_reason, '') AS reason, coalesce(o.sent_at, o.occurred_at) AS at
     FROM outbox o LEFT JOIN sync_rejection_ack a ON a.event_id = o.event_id
     WHERE o.status = 'rejected' AND a.event_id IS NULL ORDER BY o.seq DESC LIMIT ?`,
  );
  const insertAck = db.prepare<[string, number, string]>(
    `INSERT INTO sync_rejection_ack (event_id, dismissed_at)
     SELECT ?, ? WHERE EXISTS (SELECT 1 FROM outbox WHERE event_id = ? AND status = 'rejected')
     ON CONFLICT (event_id) DO NOTHING`,
  );
  // Only what has not left the till: a sent event keeps the ids HQ already has.
  const rekey = db.prepare<[string, string]>(
    `UPDATE outbox SET body = json_set(body, '$.storeId', ?, '$.tillId', ?)
     WHERE status = 'pending' AND json_valid(body)`,
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
        rejected: countUndismissedRejected.get()!.n,
        sent: lastSeq - pendingCount - rejectedCount,
        lastSeq,
        lastSentAt: lastSent.get()?.at ?? null,
      };
    },
    /** Rejected events the owner has not dismissed yet, newest first. */
    rejectedNeedingAttention: (limit: number): RejectedEvent[] => selectRejected.all(limit),
    /** Records that the owner has seen a rejected event; false if no such rejected event. */
    dismissRejected: (eventId: string, now: number): boolean =>
      insertAck.run(eventId, now, eventId).changes > 0,
    /**
     * Enrolment: every pending event takes HQ's store/till ids, in the enrolment's transaction,
     * so the warehouse never sees the provisional ones. Returns how many were re-keyed.
     */
    rekeyPending: (storeId: string, tillId: string): number => rekey.run(storeId, tillId).changes,
  };
};
export type OutboxRepo = ReturnType<typeof outboxRepo>;
/** What the sync side may do with the rejected events: show them and record a dismissal. */
export type OutboxAttention = Pick<OutboxRepo, 'rejectedNeedingAttention' | 'dismissRejected'>;
/** The sync side's whole use of the main connection's outbox repository. */
export type OutboxForSync = OutboxAttention & Pick<OutboxRepo, 'rekeyPending'>;
