// Shared by the warehouse integration tests and the sync benchmark: a fresh database with the
// migrations applied, a fresh multi-partition topic, a producer that pushes events keyed by store,
// and the independent expectations computed from the events themselves (not from SQL).
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { encodeEventRecords } from '../src/kafka/eventRecords';
import type { PosEvent } from '../../shared/events/index';
import { migrate } from '../src/db/migrate';
import { createPool } from '../src/db/pool';

export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092')
  .split(',')
  .map((b) => b.trim());
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:15432/pos';

const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

const admin = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: withDatabase(DATABASE_URL, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export interface WarehouseFixture {
  url: string;
  pool: pg.Pool;
  kafka: Kafka;
  topic: string;
  dlqTopic: string;
  dispose(): Promise<void>;
}

export const createWarehouseFixture = async (
  label: string,
  partitions = 3,
): Promise<WarehouseFixture> => {
  const suffix = randomBytes(5).toString('hex');
  const name = `pos_test_wh_${suffix}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(DATABASE_URL, name);
  const pool = createPool(url, { max: 8, applicationName: 'warehouse-test' });
  await migrate(pool);
  const kafka = new Kafka({
    clientId: `wh-test-${suffix}`,
    brokers: KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const topic = `test.${label}.${Date.now().toString(36)}.${suffix}`;
  const dlqTopic = `${topic}.dlq`;
  const kadmin = kafka.admin();
  await kadmin.connect();
  await kadmin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic, numPartitions: partitions, replicationFactor: 1 },
      { topic: dlqTopic, numPartitions: 1, replicationFactor: 1 },
    ],
  });
  await kadmin.disconnect();
  return {
    url,
    pool,
    kafka,
    topic,
    dlqTopic,
    async dispose() {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      const a = kafka.admin();
      await a.connect();
      await a.deleteTopics({ topics: [topic, dlqTopic] }).catch(() => undefined);
      await a.disconnect();
    },
  };
};

export const insertStores = async (
  pool: pg.Pool,
  stores: readonly { storeId: string; timeZone: string; region: string }[],
) => {
  for (const s of stores) {
    await pool.query(
      `INSERT INTO stores (store_id, name, city, region, country, currency, time_zone)
       VALUES ($1, $1, 'City', $2, 'US', 'USD', $3) ON CONFLICT DO NOTHING`,
      [s.storeId, s.region, s.timeZone],
    );
  }
};

/** Produces raw values (JSON of events, or any bytes for poison tests), keyed by store. */
export const produceRaw = async (
  producer: Producer,
  topic: string,
  messages: readonly { key: string; value: string | Buffer }[],
  chunk = 1_000,
): Promise<void> => {
  for (let i = 0; i < messages.length; i += chunk) {
    await producer.send({
      topic,
      acks: -1,
      messages: messages.slice(i, i + chunk).map((m) => ({ key: m.key, value: m.value })),
    });
  }
};

/**
 * Produces events the way the gateway does (kafka/eventRecords.ts): each store's events in order,
 * `perRecord` events to a record, keyed by the store.
 */
export const produceEvents = (
  producer: Producer,
  topic: string,
  events: readonly PosEvent[],
  perRecord = 100,
): Promise<void> => {
  const byStore = new Map<string, PosEvent[]>();
  for (const e of events) {
    const mine = byStore.get(e.storeId);
    if (mine) mine.push(e);
    else byStore.set(e.storeId, [e]);
  }
  const records: { key: string; value: string }[] = [];
  for (const [storeId, storeEvents] of byStore) {
    for (let i = 0; i < storeEvents.length; i += perRecord) {
      for (const r of encodeEventRecords(storeId, storeEvents.slice(i, i + perRecord))) {
        records.push({ key: storeId, value: String(r.value) });
      }
    }
  }
  return produceRaw(producer, topic, records, 5);
};

export const waitFor = async (
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

export const countRows = async (pool: pg.Pool, table: string): Promise<number> =>
  Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
