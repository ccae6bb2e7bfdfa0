// The consumer against real Postgres with events that got past the gateway although they should
// not have (an older gateway, a wrong clock, a producer writing to Kafka directly): one such event
// in a large sub-batch costs O(log n) transactions, not n; a far-future event is dead-lettered
// before any partition is made for its month; old events land marked as import or late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, PosEvent } from '../../../shared/events';
import { uuidv7 } from '../../../shared/uuidv7';
import { addEventOrigins } from '../console/storeHealthRepo';
import { MonthPartitions } from '../warehouse/partitionsRepo';
import { generateEvents } from '../../test/syntheticEvents';
import { processSubBatch, type DecodedRecord, type OutgoingDeadLetter } from './subBatchProcessor';
import {
  createWarehouseFixture,
  insertStores,
  type WarehouseFixture,
} from '../../test/warehouseTestKit';

const STORE = { storeId: 'bisect-s1', timeZone: 'Europe/Berlin', region: 'EU' };
let fx: WarehouseFixture;
let offset = 0;

/** Each event as its own record, as decoded records the consumer would hand on. */
const recordsOf = (events: readonly PosEvent[]): DecodedRecord[] =>
  events.map((event) => {
    const at = { partition: 0, offset: String(offset++) };
    return {
      message: { ...at, key: null, value: Buffer.from(JSON.stringify(event)) },
      events: [{ ok: true, event, position: { ...at, index: 0 } }],
    };
  });

const run = async (events: readonly PosEvent[]) => {
  const published: OutgoingDeadLetter[] = [];
  const result = await processSubBatch(
    {
      pool: fx.pool,
      partitions: new MonthPartitions(),
      topic: fx.topic,
      publishDeadLetters: async (letters) => void published.push(...letters),
    },
    recordsOf(events),
  );
  return { result, published };
};

/** A shift close whose count overflows its integer column (the schema refuses it since issue 11). */
const overflowingShiftClose = (seq: number): EventOf<'shift_close'> => {
  const at = Date.now() - 60_000;
  return {
    eventId: uuidv7(at),
    schemaVersion: 1,
    storeId: STORE.storeId,
    tillId: 't1',
    seq,
    occurredAt: at,
    type: 'shift_close',
    payload: {
      shiftId: uuidv7(at - 3_600_000),
      cashierId: 'c1',
      openedAt: at - 3_600_000,
      openingFloat: 0,
      salesCount: 2 ** 40,
      returnsCount: 0,
      netSales: 0,
      tax: 0,
      discounts: 0,
      byTender: [],
      cashIn: 0,
      cashOut: 0,
      expectedCash: 0,
      countedCash: 0,
      variance: 0,
    },
  };
};

beforeAll(async () => {
  fx = await createWarehouseFixture('subbatch', 1);
  await insertStores(fx.pool, [STORE]);
}, 60_000);
afterAll(async () => fx?.dispose());

describe('processSubBatch with events that got past the gateway', () => {
  it('isolates one bad event in a 2,000-event sub-batch in O(log n) transactions', async () => {
    const now = Date.now();
    const good = generateEvents(2_000, {
      seed: 11,
      stores: [{ storeId: STORE.storeId, timeZone: STORE.timeZone, tills: ['t1'] }],
      products: 50,
      fromMs: now - 5 * 86_400_000,
      toMs: now - 86_400_000,
    });
    const bad = overflowingShiftClose(100_000);
    const events = [...good.slice(0, 1_234), bad, ...good.slice(1_234)];
    const { result, published } = await run(events);
    expect(published.map((p) => p.letter.eventId)).toEqual([bad.eventId]);
    expect(result.deadLetters).toMatchObject([{ reasonCode: 'UNPROCESSABLE' }]);
    expect(result.applied).toBe(good.length);
    // Event by event this was n + 1 = 2,002 transactions; bisecting, 1 + 2·⌈log2 n⌉ at most.
    expect(result.transactions).toBeGreaterThan(1);
    expect(result.transactions).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(events.length)));
    const { rows } = await fx.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(Number(rows[0]!.n)).toBe(good.length);
  }, 120_000);

  it('dead-letters a far-future event without creating a partition for its month', async () => {
    const now = Date.now();
    const [sale] = generateEvents(1, {
      seed: 12,
      stores: [{ storeId: STORE.storeId, timeZone: STORE.timeZone, tills: ['t2'] }],
      products: 5,
      fromMs: Date.UTC(2099, 5, 15),
      toMs: Date.UTC(2099, 5, 15),
    });
    const [today] = generateEvents(1, {
      seed: 13,
      stores: [{ storeId: STORE.storeId, timeZone: STORE.timeZone, tills: ['t3'] }],
      products: 5,
      fromMs: now - 60_000,
      toMs: now - 60_000,
    });
    const { result } = await run([sale!, today!]);
    expect(result.deadLetters).toMatchObject([
      { eventId: sale!.eventId, reasonCode: 'EVENT_FROM_FUTURE' },
    ]);
    expect(result.applied).toBe(1);
    const parts = await fx.pool.query(
      "SELECT relname FROM pg_class WHERE relname LIKE 'sale_lines_2099%' OR relname LIKE 'payments_2099%'",
    );
    expect(parts.rows).toEqual([]);
  }, 60_000);

  it('marks imported and late events in the ledger; HQ counts them per store', async () => {
    const now = Date.now();
    const opts = (tills: string[], fromMs: number) => ({
      seed: 14 + fromMs,
      stores: [{ storeId: STORE.storeId, timeZone: STORE.timeZone, tills }],
      products: 5,
      fromMs,
      toMs: fromMs,
      returnRate: 0,
      receiptRate: 0,
    });
    const [late] = generateEvents(1, opts(['t4'], Date.UTC(2001, 0, 10)));
    const [imported] = generateEvents(1, opts(['t5'], Date.UTC(2002, 0, 10))) as [EventOf<'sale'>];
    imported.payload.importRef = 'order:A-1';
    const [live] = generateEvents(1, opts(['t6'], now - 60_000));
    const { result } = await run([late!, imported, live!]);
    expect(result.applied).toBe(3);
    const { rows } = await fx.pool.query<{ event_id: string; origin: string }>(
      'SELECT event_id::text, origin FROM events WHERE event_id = ANY($1::uuid[])',
      [[late!.eventId, imported.eventId, live!.eventId]],
    );
    const origin = new Map(rows.map((r) => [r.event_id, r.origin]));
    expect(origin.get(late!.eventId)).toBe('late');
    expect(origin.get(imported.eventId)).toBe('import');
    expect(origin.get(live!.eventId)).toBe('live');
    // The import's month has its partitions; the late event's rows wait in the default partition.
    const parts = await fx.pool.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relname IN ('sale_lines_200101', 'sale_lines_200201')",
    );
    expect(parts.rows.map((r) => r.relname)).toEqual(['sale_lines_200201']);
    const inDefault = await fx.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM sale_lines_default WHERE event_id = $1',
      [late!.eventId],
    );
    expect(Number(inDefault.rows[0]!.n)).toBeGreaterThan(0);
    const health = await addEventOrigins(fx.pool, new Map(), STORE.storeId);
    expect(health.get(STORE.storeId)).toMatchObject({ importedEvents: 1, lateEvents: 1 });
  }, 60_000);
});
