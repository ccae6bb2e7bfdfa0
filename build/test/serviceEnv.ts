// Where integration tests find the real Kafka and PostgreSQL (started by build/scripts/services-up.sh),
// plus per-file isolation: every test file gets its own database and its own topic names, so files
// never see each other's data.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

export const KAFKA_BROKERS: string[] = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092')
  .split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker.length > 0);

export const DATABASE_URL: string =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:15432/pos';

const portOf = (hostPort: string | undefined, fallback: number): number => {
  const port = Number(hostPort?.split(':').pop());
  return Number.isInteger(port) && port > 0 ? port : fallback;
};

/** The ports the services listen on (fault tests check that a stop really closed them). */
export const KAFKA_PORT: number = portOf(KAFKA_BROKERS[0], 19092);
export const PG_PORT: number = portOf(new URL(DATABASE_URL).host, 15432);

export interface TestDatabase {
  /** Connection string of the fresh, empty database. */
  url: string;
  name: string;
  /** Drops the database, terminating any connection still open to it. */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function runAdminStatement(sql: string): Promise<void> {
  // The maintenance database: CREATE/DROP DATABASE cannot run while connected to the target.
  const client = new pg.Client({ connectionString: withDatabase(DATABASE_URL, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `pos_test_<random>` on the test server and returns its URL and a drop function. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pos_test_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(`CREATE DATABASE ${name}`);
  let dropped = false;
  return {
    name,
    url: withDatabase(DATABASE_URL, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await runAdminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A topic name no other test run uses: `<prefix>.<time>.<random>`, legal Kafka characters only. */
export function uniqueTopic(prefix: string): string {
  const safePrefix = prefix.replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, 100) || 'test';
  return `${safePrefix}.${Date.now().toString(36)}.${randomBytes(4).toString('hex')}`;
}

/**
 * Deletes topics a run created, best effort. A bench or simulator topic holds up to hundreds of
 * MB; left behind, they filled the local broker (4.4 GB, 1,149 partitions) and slowed every broker
 * restart, which loads every partition.
 */
export async function deleteTopics(topics: readonly string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'pos-topic-cleanup',
    brokers: KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const mine = topics.filter((t) => existing.has(t));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine });
  } catch {
    // Cleanup only: a broker that is down or slow must not fail the run that used it.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
