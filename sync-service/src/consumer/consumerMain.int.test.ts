// The deployed consumer entry (sync-service/src/consumerMain.ts) as real processes against the
// real Kafka and Postgres: one SIGKILLed mid-batch and restarted leaves facts equal to the events
// and rollups equal to what the facts recompute to; two instances in one group share the
// partitions and the totals stay exact; SUB_BATCH_SIZE and PARTITIONS_CONCURRENTLY take effect in
// it (they once did only in a separate test-only consumer program), SIGTERM leaves every offset
// committed and exits 0, and a bad value is refused.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AssignerProtocol, type Producer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events';
import { auditRollups } from '../../test/rollupAudit';
import { catalogEvents, generateEvents } from '../../test/syntheticEvents';
import { expectedFigures } from '../../test/expectedFigures';
import { figuresFromRollups } from '../../test/warehouseFigures';
import {
  countRows,
  createWarehouseFixture,
  insertStores,
  produceEvents,
  waitFor,
  type WarehouseFixture,
} from '../../test/warehouseTestKit';

const STORES = [
  { storeId: 'store-a', timeZone: 'America/Los_Angeles', region: 'West', tills: ['a-1', 'a-2'] },
  { storeId: 'store-b', timeZone: 'Asia/Tokyo', region: 'Asia', tills: ['b-1'] },
  { storeId: 'store-c', timeZone: 'UTC', region: 'Europe', tills: ['c-1'] },
];
const OPTIONS = {
  seed: 7,
  stores: STORES,
  products: 40,
  fromMs: Date.UTC(2024, 5, 1),
  toMs: Date.UTC(2025, 2, 1),
};
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const zones = new Map(STORES.map((s) => [s.storeId, s.timeZone]));

const consumerEnv = (
  fx: WarehouseFixture,
  group: string,
  subBatchSize: number,
): NodeJS.ProcessEnv => ({
  ...process.env,
  // Its /metrics and /readyz on a free port: several run at once.
  PORT: '0',
  DATABASE_URL: fx.url,
  EVENTS_TOPIC: fx.topic,
  DLQ_TOPIC: fx.dlqTopic,
  CONSUMER_GROUP: group,
  SUB_BATCH_SIZE: String(subBatchSize),
  PARTITIONS_CONCURRENTLY: '1',
  LOG_LEVEL: 'warn',
  // The killed member's partitions move after this long; short keeps the test quick.
  CONSUMER_SESSION_TIMEOUT_MS: '8000',
});

const spawnConsumerMain = (env: NodeJS.ProcessEnv, stdio: SpawnOptions['stdio']): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'sync-service/src/consumerMain.ts'], {
    cwd: ROOT,
    stdio,
    env,
  });

const startConsumer = (fx: WarehouseFixture, group: string, subBatchSize: number): ChildProcess =>
  spawnConsumerMain(consumerEnv(fx, group, subBatchSize), ['ignore', 'ignore', 'inherit']);

const exited = (p: ChildProcess): Promise<void> =>
  p.exitCode !== null || p.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => p.once('exit', () => r()));

describe('warehouse consumer processes', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  const setUp = async (
    label: string,
  ): Promise<{ fx: WarehouseFixture; producer: Producer; events: PosEvent[] }> => {
    const fx = await createWarehouseFixture(label);
    cleanup.push(() => fx.dispose());
    await insertStores(fx.pool, STORES);
    const producer = fx.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    cleanup.push(() => producer.disconnect());
    const events = [
      ...catalogEvents(OPTIONS, Date.UTC(2024, 4, 1)),
      ...generateEvents(10_000 - 120, OPTIONS),
    ];
    return { fx, producer, events };
  };

  const stopOnCleanup = (p: ChildProcess): void => {
    cleanup.push(async () => {
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
      await exited(p);
    });
  };

  const expectExact = async (fx: WarehouseFixture, events: readonly PosEvent[]): Promise<void> => {
    const expected = expectedFigures(events, zones);
    expect(await countRows(fx.pool, 'events')).toBe(expected.events);
    expect(await countRows(fx.pool, 'sale_lines')).toBe(expected.saleLines);
    expect(await countRows(fx.pool, 'stock_movements')).toBe(expected.stockMoves);
    const actual = await figuresFromRollups(fx.pool);
    expect(actual.byStore).toEqual(expected.byStore);
    expect(actual.netByStoreDay).toEqual(expected.netByStoreDay);
    expect(actual.onHand).toEqual(expected.onHand);
    expect(await auditRollups(fx.pool)).toEqual(
      Object.fromEntries(Object.keys(await auditRollups(fx.pool)).map((k) => [k, 0])),
    );
  };

  it('survives SIGKILL mid-batch: facts equal events, rollups equal facts', async () => {
    const { fx, producer, events } = await setUp('crash');
    await produceEvents(producer, fx.topic, events);
    const group = `${fx.topic}.warehouse`;
    const first = startConsumer(fx, group, 100);
    stopOnCleanup(first);
    await waitFor(
      'a third applied',
      async () => (await countRows(fx.pool, 'events')) >= events.length / 3,
    );
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await countRows(fx.pool, 'events');
    expect(atKill).toBeLessThan(events.length);

    const second = startConsumer(fx, group, 100);
    stopOnCleanup(second);
    await waitFor(
      'all applied after restart',
      async () => (await countRows(fx.pool, 'events')) === events.length,
    );
    await expectExact(fx, events);
  });

  it('shares partitions between two instances of one group with exact totals', async () => {
    const { fx, producer, events } = await setUp('pair');
    const group = `${fx.topic}.warehouse`;
    const one = startConsumer(fx, group, 500);
    const two = startConsumer(fx, group, 500);
    stopOnCleanup(one);
    stopOnCleanup(two);

    const admin = fx.kafka.admin();
    await admin.connect();
    cleanup.push(() => admin.disconnect());
    const assignments = async (): Promise<number[][]> => {
      const { groups } = await admin.describeGroups([group]);
      return (groups[0]?.members ?? []).map((m) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        return Object.values(decoded?.assignment ?? {}).flat();
      });
    };
    await waitFor(
      'both members assigned',
      async () => {
        const a = await assignments();
        return a.length === 2 && a.every((parts) => parts.length > 0);
      },
      60_000,
    );
    expect((await assignments()).flat().sort()).toEqual([0, 1, 2]);

    await produceEvents(producer, fx.topic, events);
    await waitFor(
      'all applied',
      async () => (await countRows(fx.pool, 'events')) === events.length,
    );
    await expectExact(fx, events);
  });
  it('takes SUB_BATCH_SIZE and PARTITIONS_CONCURRENTLY from the environment', async () => {
    const { fx, producer, events } = await setUp('knobs');
    const applied = events.slice(0, 3_000);
    // 10 events to a record and 10 to a sub-batch: one Postgres transaction per record, where
    // the default 5,000 would take a whole fetch (hundreds of records) in one.
    await produceEvents(producer, fx.topic, applied, 10);
    const child = spawnConsumerMain(
      {
        ...consumerEnv(fx, `${fx.topic}.knobs`, 10),
        PARTITIONS_CONCURRENTLY: '3',
        LOG_LEVEL: 'info',
      },
      ['ignore', 'pipe', 'inherit'],
    );
    stopOnCleanup(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await waitFor('listening', () => Promise.resolve(/listening on http:\/\/\S+/.test(output)));
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    await waitFor(
      'all applied',
      async () => (await countRows(fx.pool, 'events')) === applied.length,
    );

    const started = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === 'warehouse consumer started');
    expect(started).toMatchObject({ subBatchSize: 10, partitionsConcurrently: 3 });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const transactions = Number(
      /^warehouse_apply_transactions_total(?:\{\})? (\d+)/m.exec(metrics)?.[1] ?? 0,
    );
    expect(transactions).toBeGreaterThanOrEqual(applied.length / 10);

    // The one shutdown path: SIGTERM stops consuming, commits, closes the pool and exits 0.
    const code = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    const admin = fx.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(fx.topic);
      const [committed] = await admin.fetchOffsets({
        groupId: `${fx.topic}.knobs`,
        topics: [fx.topic],
      });
      expect(
        Object.fromEntries(committed?.partitions.map((p) => [p.partition, p.offset]) ?? []),
      ).toEqual(Object.fromEntries(ends.map((e) => [e.partition, e.high])));
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses an invalid SUB_BATCH_SIZE or PARTITIONS_CONCURRENTLY: CONFIG_INVALID, exit 2', async () => {
    for (const bad of [{ SUB_BATCH_SIZE: '0' }, { PARTITIONS_CONCURRENTLY: 'two' }]) {
      const child = spawnConsumerMain({ ...process.env, PORT: '0', ...bad }, [
        'ignore',
        'ignore',
        'pipe',
      ]);
      stopOnCleanup(child);
      let errors = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      const code = await new Promise<number | null | 'running'>((resolve) => {
        const timer = setTimeout(() => resolve('running'), 30_000);
        child.once('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(code, errors).toBe(2);
      expect(errors).toContain('CONFIG_INVALID');
      expect(errors).toContain(Object.keys(bad)[0]);
    }
  });
});
