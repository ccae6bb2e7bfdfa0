// Dead letters: what could not be applied and why, once per event position (record and place in it).
import type { SqlClient } from './sqlClient';

export interface DeadLetter {
  topic: string;
  partition: number;
  offset: string;
  /** The event's place in its record; 0 when the letter is about the whole record. */
  recordIndex: number;
  eventId: string | null;
  storeId: string | null;
  reasonCode: string;
  reason: string;
  raw: string | null;
}

const INSERT_DEAD_LETTERS = `
INSERT INTO dead_letters (topic, kafka_partition, kafka_offset, record_index, event_id, store_id, reason_code,
  reason, raw_value)
SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
  $9::text[])
ON CONFLICT (topic, kafka_partition, kafka_offset, record_index) DO NOTHING`;

/** Postgres text cannot hold NUL; the raw value is kept for humans, so replace it visibly. */
const storable = (s: string | null, max: number): string | null =>
  s === null ? null : s.replace(/\u0000/g, '\\0').slice(0, max);

export const insertDeadLetters = async (
  db: SqlClient,
  rows: readonly DeadLetter[],
): Promise<void> => {
  if (rows.length === 0) return;
  await db.query(INSERT_DEAD_LETTERS, [
    rows.map((r) => r.topic),
    rows.map((r) => r.partition),
    rows.map((r) => r.offset),
    rows.map((r) => r.recordIndex),
    rows.map((r) => storable(r.eventId, 200)),
    rows.map((r) => storable(r.storeId, 200)),
    rows.map((r) => r.reasonCode),
    rows.map((r) => storable(r.reason, 2_000)),
    rows.map((r) => storable(r.raw, 100_000)),
  ]);
};
