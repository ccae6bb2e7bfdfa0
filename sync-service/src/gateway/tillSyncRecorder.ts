// Records, per till, when the gateway last accepted a push from it: the HQ view's "last sync".
// A push is answered as soon as Kafka acknowledged it; this record is written after, off the
// answer's path, so a slow or absent Postgres never delays or fails a till's push. Pushes that
// arrive while a write is in flight are merged per till and written by the next single UPSERT,
// so Postgres sees at most one statement per push request and far fewer under load. The same
// statement counts the events accepted on the store's local day ("events today" in the console).
import type { PosEvent } from '../../../shared/events/envelope';
import type { TillIdentity } from '../auth/tillAuth';
import type { Logger } from '../ops/logger';
import type { SqlClient } from '../warehouse/sqlClient';

interface PendingSync {
  storeId: string;
  pushAt: number;
  events: number;
  pushes: number;
  /** Events of every merged push (events is the newest push's alone). */
  allEvents: number;
  seq: number | null;
  eventAt: number | null;
}

export interface TillSyncRecorder {
  /** Notes an accepted push (after Kafka's ack); never throws, never waits on Postgres. */
  record(till: TillIdentity, events: readonly PosEvent[], at?: number): void;
  /** Resolves once everything recorded so far was written (or failed and was re-queued). */
  flush(): Promise<void>;
  /** Writes what is pending and stops retrying; for shutdown. */
  close(): Promise<void>;
}

const UPSERT = `
INSERT INTO till_sync_state AS s
  (till_id, store_id, last_push_at, last_push_events, pushes, pushed_seq, pushed_event_at,
   events_day, events_day_count)
SELECT u.till_id, u.store_id, to_timestamp(u.push_ms / 1000.0), u.events, u.pushes, u.seq,
  to_timestamp(u.event_ms / 1000.0), (to_timestamp(u.push_ms / 1000.0) AT TIME ZONE st.time_zone)::date,
  u.all_events
FROM unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[],
  $8::bigint[])
  AS u(till_id, store_id, push_ms, events, pushes, seq, event_ms, all_events)
JOIN stores st ON st.store_id = u.store_id
-- Tills deleted from HQ's registry since their token was cached have nowhere to record.
WHERE EXISTS (SELECT 1 FROM tills t WHERE t.till_id = u.till_id)
ORDER BY u.till_id
ON CONFLICT (till_id) DO UPDATE SET
  events_day_count = CASE
    WHEN s.events_day IS NULL OR EXCLUDED.events_day > s.events_day THEN EXCLUDED.events_day_count
    WHEN EXCLUDED.events_day = s.events_day THEN s.events_day_count + EXCLUDED.events_day_count
    ELSE s.events_day_count END,
  events_day = greatest(s.events_day, EXCLUDED.events_day),
  last_push_at = greatest(s.last_push_at, EXCLUDED.last_push_at),
  last_push_events = CASE WHEN EXCLUDED.last_push_at >= s.last_push_at
    THEN EXCLUDED.last_push_events ELSE s.last_push_events END,
  pushes = s.pushes + EXCLUDED.pushes,
  pushed_seq = greatest(s.pushed_seq, EXCLUDED.pushed_seq),
  pushed_event_at = greatest(s.pushed_event_at, EXCLUDED.pushed_event_at)`;

const RETRY_MS = 5_000;

const maxOrNull = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

const merge = (into: PendingSync, add: PendingSync): PendingSync => ({
  storeId: add.storeId,
  pushAt: Math.max(into.pushAt, add.pushAt),
  events: add.pushAt >= into.pushAt ? add.events : into.events,
  pushes: into.pushes + add.pushes,
  allEvents: into.allEvents + add.allEvents,
  seq: maxOrNull(into.seq, add.seq),
  eventAt: maxOrNull(into.eventAt, add.eventAt),
});

export function createTillSyncRecorder(db: SqlClient, logger: Logger): TillSyncRecorder {
  let pending = new Map<string, PendingSync>();
  let writing: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  const write = async (batch: Map<string, PendingSync>): Promise<void> => {
    const tills = [...batch.keys()];
    const rows = tills.map((t) => batch.get(t)!);
    try {
      await db.query(UPSERT, [
        tills,
        rows.map((r) => r.storeId),
        rows.map((r) => r.pushAt),
        rows.map((r) => r.events),
        rows.map((r) => r.pushes),
        rows.map((r) => r.seq),
        rows.map((r) => r.eventAt),
        rows.map((r) => r.allEvents),
      ]);
    } catch (error) {
      // Put the records back (newer pushes merged on top) and try again later: the pushes they
      // describe did happen, so the "last sync" must not go backwards or be lost.
      for (const [till, row] of batch) {
        const newer = pending.get(till);
        pending.set(till, newer ? merge(row, newer) : row);
      }
      logger.warn({ error, tills: tills.length }, 'could not record till sync state; will retry');
      if (!closed && retry === null) {
        retry = setTimeout(() => {
          retry = null;
          kick();
        }, RETRY_MS);
        retry.unref();
      }
    }
  };

  /** Starts a write of everything pending unless one is in flight; it chains the next itself. */
  const kick = (): void => {
    if (writing !== null || pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    writing = write(batch).finally(() => {
      writing = null;
      if (retry === null && !closed) kick();
    });
  };

  return {
    record(till, events, at = Date.now()) {
      let seq: number | null = null;
      let eventAt: number | null = null;
      for (const e of events) {
        seq = maxOrNull(seq, e.seq);
        eventAt = maxOrNull(eventAt, e.occurredAt);
      }
      const row: PendingSync = {
        storeId: till.storeId,
        pushAt: at,
        events: events.length,
        pushes: 1,
        allEvents: events.length,
        seq,
        eventAt,
      };
      const earlier = pending.get(till.tillId);
      pending.set(till.tillId, earlier ? merge(earlier, row) : row);
      if (!closed) kick();
    },
    async flush() {
      while (writing !== null) await writing;
      kick();
      while (writing !== null) await writing;
    },
    async close() {
      closed = true;
      // After a failed write Postgres is likely gone: do not hold shutdown on another attempt.
      const failing = retry !== null;
      if (retry !== null) clearTimeout(retry);
      retry = null;
      while (writing !== null) await writing;
      if (failing) return;
      kick();
      while (writing !== null) await writing;
    },
  };
}
