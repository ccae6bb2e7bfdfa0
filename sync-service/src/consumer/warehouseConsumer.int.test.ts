// The warehouse consumer against the real Kafka and Postgres: 10,000 events from 3 stores are
// applied exactly (checked against sums computed from the events), a second delivery of every
// event changes nothing, and poison messages are dead-lettered while the rest is applied.
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events';
import { auditRollups } from '../../test/rollupAudit';
import { catalogEvents, generateEvents } from '../../test/syntheticEvents';
import { expectedFigures } from '../../test/expectedFigures';
import { figuresFromFacts, figuresFromRollups } from '../../test/warehouseFigures';
import { startWarehouseConsumer } from './warehouseConsumer';
import {
  countRows,
  createWarehouseFixture,
  insertStores,
  produceEvents,
  produceRaw,
  waitFor,
  type WarehouseFixture,
} from '../../test/warehouseTestKit';

const STORES = [
  { storeId: 'store-nyc', timeZone: 'America/New_York', region: 'East', tills: ['nyc-1', 'nyc-2'] },
  { storeId: 'store-blr', timeZone: 'Asia/Kolkata', region: 'South', tills: ['blr-1'] },
  { storeId: 'store-ber', timeZone: 'Europe/Berlin', region: 'Central', tills: ['ber-1', 'ber-2'] },
];
const OPTIONS = {
  seed: 42,
  stores: STORES,
  products: 60,
  fromMs: Date.UTC(2024, 0, 1),
  toMs: Date.UTC(2025, 5, 30),
};
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('warehouse consumer', () => {
  let fx: WarehouseFixture;
  let producer: Producer;
  let stop: () => Promise<void>;
  const events: PosEvent[] = [
    ...catalogEvents(OPTIONS, Date.UTC(2023, 11, 31)),
    ...generateEvents(10_000 - 3 * 60, OPTIONS),
  ];
  const zones = new Map(STORES.map((s) => [s.storeId, s.timeZone]));

  beforeAll(async () => {
    fx = await createWarehouseFixture('warehouse');
    await insertStores(fx.pool, STORES);
    producer = fx.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const consumer = await startWarehouseConsumer({
      kafka: fx.kafka,
      pool: fx.pool,
      logger: quiet,
      config: {
        eventsTopic: fx.topic,
        dlqTopic: fx.dlqTopic,
        consumerGroup: `${fx.topic}.warehouse`,
      },
      options: { subBatchSize: 500 },
    });
    stop = () => consumer.stop();
  });

  afterAll(async () => {
    await stop?.();
    await producer?.disconnect();
    await fx?.dispose();
  });

  const expectExact = async (): Promise<void> => {
    const expected = expectedFigures(events, zones);
    expect(await countRows(fx.pool, 'events')).toBe(expected.events);
    expect(await countRows(fx.pool, 'sale_lines')).toBe(expected.saleLines);
    expect(await countRows(fx.pool, 'stock_movements')).toBe(expected.stockMoves);
    for (const read of [figuresFromRollups, figuresFromFacts]) {
      const actual = await read(fx.pool);
      expect(actual.byStore).toEqual(expected.byStore);
      expect(actual.netByStoreDay).toEqual(expected.netByStoreDay);
      expect(actual.onHand).toEqual(expected.onHand);
    }
    expect(Object.values(await auditRollups(fx.pool)).every((n) => n === 0)).toBe(true);
  };

  it('applies 10,000 events from 3 stores exactly', async () => {
    await produceEvents(producer, fx.topic, events);
    await waitFor(
      'all events applied',
      async () => (await countRows(fx.pool, 'events')) === events.length,
    );
    await expectExact();
    const state = await fx.pool.query<{ store_id: string; as_of: Date }>(
      'SELECT store_id, as_of FROM store_analytics_state ORDER BY 1',
    );
    expect(state.rows.map((r) => r.store_id)).toEqual(STORES.map((s) => s.storeId).sort());
  });

  it('does not double count when every event is delivered again', async () => {
    await produceEvents(producer, fx.topic, events);
    // A marker produced after the duplicates: once it is applied, the duplicates were consumed.
    const marker = generateEvents(1, { ...OPTIONS, seed: 7 });
    await produceEvents(producer, fx.topic, marker);
    events.push(...marker);
    await waitFor(
      'marker applied',
      async () => (await countRows(fx.pool, 'events')) === events.length,
    );
    await expectExact();
  });

  it('dead-letters poison messages and poison events inside a batch, and applies the rest', async () => {
    const valid = generateEvents(20, { ...OPTIONS, seed: 99 });
    const [first] = valid;
    if (!first) throw new Error('no event');
    // A batch record as the gateway writes them, with one event broken in the middle.
    const batchmates = generateEvents(5, { ...OPTIONS, seed: 100 });
    const broken = { ...first, eventId: '0190a0a0-0000-7000-8000-0000000000b2', seq: -1 };
    const batch = [...batchmates.slice(0, 1), broken, ...batchmates.slice(1)];
    const poison = [
      { key: 'store-nyc', value: '{"eventId": "not json' },
      { key: 'store-nyc', value: JSON.stringify({ ...first, eventId: 'not-a-uuid' }) },
      {
        key: 'store-blr',
        value: JSON.stringify({
          ...first,
          eventId: '0190a0a0-0000-7000-8000-000000000001',
          schemaVersion: 9,
        }),
      },
      { key: 'store-ber', value: Buffer.from([0xff, 0x00, 0xfe]) },
    ];
    await produceRaw(producer, fx.topic, [
      ...poison.slice(0, 2),
      ...valid.slice(0, 10).map((e) => ({ key: e.storeId, value: JSON.stringify(e) })),
      ...poison.slice(2),
      { key: first.storeId, value: JSON.stringify(batch) },
      ...valid.slice(10).map((e) => ({ key: e.storeId, value: JSON.stringify(e) })),
    ]);
    events.push(...valid, ...batchmates);
    await waitFor(
      'valid events applied',
      async () => (await countRows(fx.pool, 'events')) === events.length,
    );
    await waitFor(
      'dead letters recorded',
      async () => (await countRows(fx.pool, 'dead_letters')) === poison.length + 1,
    );
    const reasons = await fx.pool.query<{ reason_code: string }>(
      'SELECT reason_code FROM dead_letters ORDER BY reason_code',
    );
    expect(reasons.rows.map((r) => r.reason_code)).toEqual([
      'INVALID_EVENT',
      'INVALID_EVENT',
      'MALFORMED_JSON',
      'MALFORMED_JSON',
      'UNSUPPORTED_SCHEMA_VERSION',
    ]);
    await expectExact();

    const dlq = fx.kafka.consumer({ groupId: `${fx.dlqTopic}.reader` });
    await dlq.connect();
    await dlq.subscribe({ topic: fx.dlqTopic, fromBeginning: true });
    const received: string[] = [];
    const values: string[] = [];
    await dlq.run({
      eachMessage: async ({ message }) => {
        received.push(String(message.headers?.['x-dlq-reason-code']));
        values.push(String(message.value));
      },
    });
    await waitFor('DLQ messages', async () => received.length >= poison.length + 1, 30_000);
    await dlq.disconnect();
    // The broken batch member goes to the DLQ alone, as its own JSON, not with its batchmates.
    expect(values).toContain(JSON.stringify(broken));
    const stored = await fx.pool.query<{ record_index: number; event_id: string }>(
      `SELECT record_index, event_id FROM dead_letters WHERE event_id = $1`,
      [broken.eventId],
    );
    expect(stored.rows).toEqual([{ record_index: 1, event_id: broken.eventId }]);
    expect(received.sort()).toEqual([
      'INVALID_EVENT',
      'INVALID_EVENT',
      'MALFORMED_JSON',
      'MALFORMED_JSON',
      'UNSUPPORTED_SCHEMA_VERSION',
    ]);
  });
});
