// Dead letters: what could not be applied and why, once per event position (record and place in it).
// The only writer of dead_letters: the consumer inserts, the console's retry marks the outcome.
import type { DeadLetterRow as ConsoleDeadLetterRow } from '../../../shared/console/consoleApi';
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

/** The console's row, but with the whole raw value (the console gets it cut). */
export type DeadLetterRecord = Omit<ConsoleDeadLetterRow, 'event'> & { raw: string | null };

interface DeadLetterRow {
  id: string;
  topic: string;
  kafka_partition: number;
  kafka_offset: string;
  record_index: number;
  event_id: string | null;
  store_id: string | null;
  reason_code: string;
  reason: string;
  raw_value: string | null;
  created_at: Date;
  retried_at: Date | null;
  retry_outcome: string | null;
}

const LETTER_COLUMNS = `id::text AS id, topic, kafka_partition, kafka_offset::text AS kafka_offset,
  record_index, event_id, store_id, reason_code, reason, raw_value, created_at, retried_at, retry_outcome`;

const toRecord = (r: DeadLetterRow): DeadLetterRecord => ({
  id: r.id,
  topic: r.topic,
  partition: r.kafka_partition,
  offset: r.kafka_offset,
  recordIndex: r.record_index,
  eventId: r.event_id,
  storeId: r.store_id,
  code: r.reason_code,
  reason: r.reason,
  raw: r.raw_value,
  createdAt: r.created_at.getTime(),
  retriedAt: r.retried_at?.getTime() ?? null,
  retryOutcome: r.retry_outcome,
});

/** Newest first, strictly older than `before` when given (keyset paging by id). */
export const listDeadLetters = async (
  db: SqlClient,
  options: { before?: string | undefined; limit: number },
): Promise<DeadLetterRecord[]> => {
  const { rows } = await db.query<DeadLetterRow>(
    `SELECT ${LETTER_COLUMNS} FROM dead_letters
      WHERE $1::bigint IS NULL OR id < $1::bigint ORDER BY id DESC LIMIT $2`,
    [options.before ?? null, options.limit],
  );
  return rows.map(toRecord);
};

export const countDeadLetters = async (db: SqlClient): Promise<number> => {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM dead_letters');
  return Number(rows[0]?.n ?? 0);
};

export const findDeadLetter = async (
  db: SqlClient,
  id: string,
  lock = false,
): Promise<DeadLetterRecord | null> => {
  const { rows } = await db.query<DeadLetterRow>(
    `SELECT ${LETTER_COLUMNS} FROM dead_letters WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
};

export const markDeadLetterRetried = async (
  db: SqlClient,
  id: string,
  outcome: string,
): Promise<DeadLetterRecord | null> => {
  const { rows } = await db.query<DeadLetterRow>(
    `UPDATE dead_letters SET retried_at = now(), retry_outcome = $2 WHERE id = $1
     RETURNING ${LETTER_COLUMNS}`,
    [id, outcome.slice(0, 2_000)],
  );
  return rows[0] ? toRecord(rows[0]) : null;
};
