// The two baselines the pipeline is compared with, on the same fact rows in the same run:
// a single COPY of the rows into the sale_lines table of a fresh warehouse database, and the usual
// naive Kafka-to-Postgres script (eachMessage, one single-row INSERT per line, autocommit). The
// naive script reads the pipeline's own topic, whose records hold batches of events
// (sync-service/src/kafka/eventRecords.ts).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { PosEvent } from '../../../shared/events';
import { KAFKA_BROKERS, type BenchDatabase } from './benchEnvironment';

const collect = async (pool: pg.Pool, sql: string): Promise<Buffer[]> => {
  const client = await pool.connect();
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(sql));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return chunks;
  } finally {
    client.release();
  }
};

/** A single COPY of the already-exported rows into an emptied sale_lines table, timed. */
const timedCopy = async (target: BenchDatabase, data: readonly Buffer[]): Promise<number> => {
  const client = await target.pool.connect();
  try {
    await client.query('TRUNCATE sale_lines');
    await client.query('CHECKPOINT');
    const started = performance.now();
    await pipeline(Readable.from(data), client.query(copyFrom('COPY sale_lines FROM STDIN')));
    return (performance.now() - started) / 1_000;
  } finally {
    client.release();
  }
};

/**
 * Lines per second of one COPY of the pipeline's sale_lines into an empty sale_lines table: the
 * median of `runs` (one 200,000-row COPY takes 1–2 s, and on a shared machine a single timing
 * ranged 100k–175k lines/s between runs; the median keeps the ratio from following that noise).
 */
export const copyBaseline = async (
  source: pg.Pool,
  target: BenchDatabase,
  runs = 3,
): Promise<{ linesPerS: number; lines: number; runsLinesPerS: number[] }> => {
  const months = await source.query<{ m: string }>(
    `SELECT DISTINCT date_trunc('month', local_day)::date::text AS m FROM sale_lines`,
  );
  for (const { m } of months.rows)
    await target.pool.query('SELECT warehouse_ensure_month($1::date)', [m]);
  const data = await collect(source, 'COPY (SELECT * FROM sale_lines) TO STDOUT');
  const rates: number[] = [];
  let lines = 0;
  for (let run = 0; run < runs; run++) {
    const seconds = await timedCopy(target, data);
    lines = Number(
      (await target.pool.query<{ n: string }>('SELECT count(*) n FROM sale_lines')).rows[0]?.n ?? 0,
    );
    rates.push(Math.round(lines / seconds));
  }
  const sorted = [...rates].sort((a, b) => a - b);
  return { linesPerS: sorted[Math.floor(sorted.length / 2)] ?? 0, lines, runsLinesPerS: rates };
};

const NAIVE_INSERT = `INSERT INTO sale_lines (event_id, line_no, local_day, local_hour, sold_at, store_id, till_id,
  cashier_id, is_return, original_event_id, original_line_no, product_id, sku, name, category, sub_category, quantity,
  unit_price, gross, discount, tax, net)
VALUES ($1, $2, (to_timestamp($3 / 1000.0) AT TIME ZONE 'UTC')::date,
  extract(hour FROM to_timestamp($3 / 1000.0) AT TIME ZONE 'UTC'), to_timestamp($3 / 1000.0), $4, $5, $6, $7, $8, $9,
  $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`;

/** Lines per second of the naive consumer, run on the topic for at most `seconds`. */
export const naiveBaseline = async (
  target: BenchDatabase,
  topic: string,
  seconds: number,
): Promise<{ linesPerS: number; lines: number }> => {
  await target.pool.query('TRUNCATE sale_lines');
  const kafka = new Kafka({
    clientId: 'bench-naive',
    brokers: KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `${topic}.naive`, maxWaitTimeInMs: 50 });
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let lines = 0;
  let started = 0;
  let last = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (started === 0) started = performance.now();
      const parsed = JSON.parse(String(message.value)) as PosEvent | PosEvent[];
      for (const e of Array.isArray(parsed) ? parsed : [parsed]) {
        if (e.type !== 'sale' && e.type !== 'return') continue;
        for (const l of e.payload.lines) {
          await client.query(NAIVE_INSERT, [
            e.eventId,
            l.lineNo,
            e.occurredAt,
            e.storeId,
            e.tillId,
            e.payload.cashierId,
            e.type === 'return',
            e.type === 'return' ? e.payload.originalEventId : null,
            'originalLineNo' in l ? l.originalLineNo : null,
            l.productId,
            l.sku,
            l.name,
            l.category,
            l.subCategory,
            l.quantity,
            l.unitPrice,
            l.gross,
            l.discount,
            l.tax,
            l.net,
          ]);
          lines += 1;
          last = performance.now();
        }
      }
    },
  });
  await new Promise((r) => setTimeout(r, seconds * 1_000));
  const elapsed = (last - started) / 1_000;
  await consumer.disconnect();
  await client.end();
  return { linesPerS: Math.round(lines / elapsed), lines };
};
