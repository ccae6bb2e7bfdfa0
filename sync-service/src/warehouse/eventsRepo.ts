// The idempotency ledger: inserts the events and returns the ids that were new. Only those are
// applied to facts and rollups, so a redelivery or a replay never counts twice.
import type { PoolClient } from 'pg';
import type { PosEvent } from '../../../shared/events';
import type { KafkaPosition } from '../consumer/messageDecoder';
import { originOf } from './eventOrigin';
import { copyIntoStaging } from './stagingCopy';

export interface LedgerEntry {
  event: PosEvent;
  position: KafkaPosition;
}

// In event id order, so two consumers inserting overlapping ids lock them in the same order.
const INSERT_EVENTS = `
INSERT INTO events (event_id, store_id, till_id, seq, type, occurred_at, kafka_partition, kafka_offset)
SELECT u.event_id, u.store_id, u.till_id, u.seq, u.type, to_timestamp(u.occurred_ms / 1000.0), u.part, u.off
FROM stage_events u
ORDER BY u.event_id
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id::text`;

/** Inside the caller's transaction, with the staging tables prepared (stagingCopy.ts). */
export const insertNewEvents = async (
  client: PoolClient,
  entries: readonly LedgerEntry[],
): Promise<Set<string>> => {
  if (entries.length === 0) return new Set();
  await copyIntoStaging(client, 'stage_events', [
    entries.map((x) => x.event.eventId),
    entries.map((x) => x.event.storeId),
    entries.map((x) => x.event.tillId),
    entries.map((x) => x.event.seq),
    entries.map((x) => x.event.type),
    entries.map((x) => x.event.occurredAt),
    entries.map((x) => x.position.partition),
    entries.map((x) => x.position.offset),
  ]);
  const result = await client.query<{ event_id: string }>(INSERT_EVENTS);
  return new Set(result.rows.map((r) => r.event_id));
};

/**
 * The store each of these already-recorded event ids belongs to. An id the ledger refused that
 * belongs to another store is not a redelivery but a conflict (a leaked or forged id).
 */
export const storesOfEvents = async (
  client: PoolClient,
  eventIds: readonly string[],
): Promise<Map<string, string>> => {
  if (eventIds.length === 0) return new Map();
  const result = await client.query<{ event_id: string; store_id: string }>(
    'SELECT event_id::text, store_id FROM events WHERE event_id = ANY($1::uuid[])',
    [eventIds],
  );
  return new Map(result.rows.map((r) => [r.event_id, r.store_id]));
};

const MARK = `
UPDATE events e SET origin = u.origin
FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(event_id, store_id, origin)
WHERE e.event_id = u.event_id AND e.store_id = u.store_id`;

/** The origin of the events the ledger newly accepted that are not live (eventOrigin.ts). */
export const markEventOrigins = async (
  client: PoolClient,
  applied: readonly PosEvent[],
  appliedAt: number = Date.now(),
): Promise<void> => {
  const marked = applied
    .map((event) => ({ event, origin: originOf(event, appliedAt) }))
    .filter((x) => x.origin !== 'live');
  if (marked.length === 0) return;
  await client.query(MARK, [
    marked.map((x) => x.event.eventId),
    marked.map((x) => x.event.storeId),
    marked.map((x) => x.origin),
  ]);
};
