// The idempotency ledger: inserts the events and returns the ids that were new. Only those are
// applied to facts and rollups, so a redelivery or a replay never counts twice.
import type { PosEvent } from '../../../shared/events';
import type { KafkaPosition } from '../consumer/messageDecoder';
import type { SqlClient } from './sqlClient';

export interface LedgerEntry {
  event: PosEvent;
  position: KafkaPosition;
}

const INSERT_EVENTS = `
INSERT INTO events (event_id, store_id, till_id, seq, type, occurred_at, kafka_partition, kafka_offset)
SELECT u.event_id, u.store_id, u.till_id, u.seq, u.type, to_timestamp(u.occurred_ms / 1000.0), u.part, u.off
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::bigint[], $7::int[], $8::bigint[])
  AS u(event_id, store_id, till_id, seq, type, occurred_ms, part, off)
ORDER BY u.event_id
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id::text`;

export const insertNewEvents = async (
  db: SqlClient,
  entries: readonly LedgerEntry[],
): Promise<Set<string>> => {
  if (entries.length === 0) return new Set();
  const result = await db.query<{ event_id: string }>(INSERT_EVENTS, [
    entries.map((x) => x.event.eventId),
    entries.map((x) => x.event.storeId),
    entries.map((x) => x.event.tillId),
    entries.map((x) => x.event.seq),
    entries.map((x) => x.event.type),
    entries.map((x) => x.event.occurredAt),
    entries.map((x) => x.position.partition),
    entries.map((x) => x.position.offset),
  ]);
  return new Set(result.rows.map((r) => r.event_id));
};
