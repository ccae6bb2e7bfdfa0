// Integration-test harness for the gateway: a real sync service (gateway role) on an ephemeral
// port, against a fresh database and fresh topics, plus an enrolled store/till and event makers.
import { Kafka, logLevel } from 'kafkajs';
import type { PosEvent } from '../../shared/events/envelope';
import { uuidv7 } from '../../shared/uuidv7';
import {
  createTestDatabase,
  KAFKA_BROKERS,
  uniqueTopic,
  type TestDatabase,
} from '../../build/test/serviceEnv';
import { loadConfig, type SyncConfig } from '../src/config';
import { createLogger } from '../src/ops/logger';
import { createSyncService, type ServiceRole, type SyncService } from '../src/service';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestGateway {
  url: string;
  config: SyncConfig;
  service: SyncService;
  db: TestDatabase;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  /** Creates a store and till and enrolls it; returns the till's identity and token. */
  enrollTill(storeId?: string): Promise<{ storeId: string; tillId: string; token: string }>;
  dispose(): Promise<void>;
}

export async function startTestGateway(
  label: string,
  overrides: Partial<SyncConfig> = {},
  roles: readonly ServiceRole[] = ['gateway'],
): Promise<TestGateway> {
  const db = await createTestDatabase();
  const config: SyncConfig = {
    ...loadConfig({
      KAFKA_BROKERS: KAFKA_BROKERS.join(','),
      DATABASE_URL: db.url,
      SYNC_ADMIN_TOKEN: ADMIN_TOKEN,
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    }),
    eventsTopic: uniqueTopic(`${label}.events`),
    dlqTopic: uniqueTopic(`${label}.dlq`),
    eventsTopicPartitions: 3,
    ...overrides,
  };
  // Quiet unless TEST_LOG_LEVEL asks for logs: expected failures (Kafka down) are noisy.
  const logger = createLogger(
    config.logLevel,
    { test: label },
    process.env.TEST_LOG_LEVEL ? undefined : () => undefined,
  );
  const service = await createSyncService(config, roles, logger);
  const url = await service.listen();
  let stores = 0;
  const admin = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    url,
    config,
    service,
    db,
    admin,
    async enrollTill(storeId = `store-${label}-${++stores}`) {
      const store = await admin('POST', '/v1/admin/stores', {
        storeId,
        name: `Shop ${storeId}`,
        city: 'Leipzig',
        region: 'Saxony',
        country: 'DE',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
      });
      if (store.status !== 201)
        throw new Error(`create store: ${store.status} ${await store.text()}`);
      const till = await admin('POST', `/v1/admin/stores/${storeId}/tills`, { name: 'Till 1' });
      const { tillId, enrollmentCode } = (await till.json()) as {
        tillId: string;
        enrollmentCode: string;
      };
      const enrolled = await fetch(`${url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: enrollmentCode }),
      });
      const { token } = (await enrolled.json()) as { token: string };
      return { storeId, tillId, token };
    },
    async dispose() {
      await service.stop();
      await db.drop();
    },
  };
}

let seq = 0;
/** A valid shift_open event of the given till. */
export function shiftOpenEvent(storeId: string, tillId: string): PosEvent {
  const now = Date.now();
  return {
    eventId: uuidv7(now),
    schemaVersion: 1,
    storeId,
    tillId,
    seq: ++seq,
    occurredAt: now,
    type: 'shift_open',
    payload: { shiftId: uuidv7(now), cashierId: 'cashier-1', openingFloat: 10_000 },
  };
}

export async function pushEvents(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Reads the whole topic from the beginning until `count` events arrived (or the timeout), one entry
 * per event: a record holding a batch (kafka/eventRecords.ts) gives one entry per event in it.
 */
export async function readTopic(
  topic: string,
  count: number | ((read: ReadonlyArray<{ value: string }>) => boolean),
  timeoutMs = 20_000,
): Promise<
  Array<{ key: string; value: string; headers: Record<string, string>; partition: number }>
> {
  const enough = typeof count === 'number' ? (read: unknown[]) => read.length >= count : count;
  const kafka = new Kafka({
    clientId: 'gateway-test-reader',
    brokers: KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `${topic}.reader.${Date.now()}` });
  const received: Array<{
    key: string;
    value: string;
    headers: Record<string, string>;
    partition: number;
  }> = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${received.length} events from ${topic}, not enough`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
          const value = String(message.value);
          const events = value.startsWith('[')
            ? (JSON.parse(value) as unknown[]).map((e) => JSON.stringify(e))
            : [value];
          for (const event of events) {
            received.push({ key: String(message.key), value: event, headers, partition });
          }
          if (enough(received)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}

/** Messages in a topic: the sum of its partitions' end offsets (no transactions, no compaction). */
export async function topicMessageCount(topic: string): Promise<number> {
  const kafka = new Kafka({
    clientId: 'gateway-test-offsets',
    brokers: KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}
