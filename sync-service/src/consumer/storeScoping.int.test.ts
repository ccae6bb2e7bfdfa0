// What a hostile or confused till can no longer do to the warehouse, through the real Kafka and
// consumer into a real Postgres (issue 11): relabel a chain product for every store (chain products
// are HQ's catalog), relabel another store's local product of the same id, win by a far-future
// clock, get another store's event dropped as a duplicate by reusing its id, or overwrite another
// store's shift or cashier name. Category figures are by the category each line was sold as.
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, PosEvent } from '../../../shared/events';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import { breakdownRows, stockRows, topProductsByMonth } from '../analytics/analyticsReports';
import { liveHour } from '../analytics/liveHourRepo';
import { publishProducts } from '../catalog/catalogRepo';
import { applyEvents } from '../warehouse/applyEvents';
import { MonthPartitions } from '../warehouse/partitionsRepo';
import { auditRollups } from '../../test/rollupAudit';
import { seededRandom, seededUuid } from '../../test/syntheticEvents';
import { EVENT_ID_CONFLICT } from './eventIdConflicts';
import { startWarehouseConsumer } from './warehouseConsumer';
import {
  createWarehouseFixture,
  insertStores,
  produceEvents,
  waitFor,
  type WarehouseFixture,
} from '../../test/warehouseTestKit';

const A = 'store-a';
const B = 'store-b';
const JUNE = Date.UTC(2024, 5, 10, 12);
const FAR_FUTURE = Date.UTC(2099, 0, 1, 12);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const rnd = seededRandom(11);
const seqs = new Map<string, number>();

const envelope = (storeId: string, occurredAt: number) => {
  const seq = (seqs.get(storeId) ?? 0) + 1;
  seqs.set(storeId, seq);
  return {
    eventId: seededUuid(rnd),
    schemaVersion: 1 as const,
    storeId,
    tillId: `${storeId}-till`,
    seq,
    occurredAt,
  };
};

interface Label {
  productId: string;
  name: string;
  category: string;
}

const snapshot = (p: Label, reorderLevel = 5): ProductSnapshot => ({
  productId: p.productId,
  sku: `SKU-${p.productId}`,
  barcodes: [],
  name: p.name,
  category: p.category,
  subCategory: '',
  unitPrice: 200,
  taxRateBp: 0,
  reorderLevel,
  leadTimeDays: 2,
  active: true,
});

const sale = (
  storeId: string,
  occurredAt: number,
  p: Label,
  quantity: number,
  cashier = { id: 'cashier-1', name: `Cashier of ${storeId}` },
): EventOf<'sale'> => {
  const net = 200 * quantity;
  return {
    ...envelope(storeId, occurredAt),
    type: 'sale',
    payload: {
      receiptNo: `R-${seqs.get(storeId)}`,
      cashierId: cashier.id,
      cashierName: cashier.name,
      shiftId: null,
      currency: 'USD',
      taxMode: 'exclusive',
      lines: [
        {
          lineNo: 1,
          productId: p.productId,
          sku: `SKU-${p.productId}`,
          name: p.name,
          category: p.category,
          subCategory: '',
          unitPrice: 200,
          quantity,
          taxRateBp: 0,
          gross: net,
          discount: 0,
          tax: 0,
          net,
        },
      ],
      payments: [{ tender: 'cash', amount: net }],
      change: 0,
      totals: { gross: net, discount: 0, tax: 0, net, total: net, units: quantity },
    },
  };
};

const catalogChange = (
  storeId: string,
  occurredAt: number,
  p: Label,
  reorderLevel = 5,
): EventOf<'catalog_change'> => ({
  ...envelope(storeId, occurredAt),
  type: 'catalog_change',
  payload: { userId: 'owner-1', product: snapshot(p, reorderLevel) },
});

const shiftOpen = (
  storeId: string,
  shiftId: string,
  openingFloat: number,
): EventOf<'shift_open'> => ({
  ...envelope(storeId, JUNE),
  type: 'shift_open',
  payload: { shiftId, cashierId: 'cashier-1', openingFloat },
});

const MILK: Label = { productId: 'chain-milk', name: 'Milk 1L', category: 'Dairy' };
const FORGED_MILK: Label = { productId: 'chain-milk', name: 'Hacked', category: 'Luxury' };
const A_LOCAL: Label = { productId: 'local-1', name: 'A bread', category: 'Bakery' };
const B_LOCAL: Label = { productId: 'local-1', name: 'B candle', category: 'Home' };
const SHIFT = '01900000-0000-7000-8000-0000000000aa';

describe('store-scoped warehouse dimensions', () => {
  let fx: WarehouseFixture;
  let producer: Producer;
  let stop: () => Promise<void>;

  /**
   * Sends events (each store's in order) and waits until each id is in the ledger or dead-lettered
   * (an id the ledger already holds passes at once: follow it with a fresh event of the same store).
   */
  const send = async (events: readonly PosEvent[]): Promise<void> => {
    const ids = [...new Set(events.map((e) => e.eventId))];
    await produceEvents(producer, fx.topic, events, 1);
    await waitFor(
      'every event applied or dead-lettered',
      async () => {
        const { rows } = await fx.pool.query<{ n: string }>(
          `SELECT count(DISTINCT id) AS n FROM (
             SELECT event_id::text AS id FROM events WHERE event_id = ANY($1::uuid[])
             UNION ALL SELECT event_id FROM dead_letters WHERE event_id = ANY($1::text[])) k`,
          [ids],
        );
        return Number(rows[0]?.n) === ids.length;
      },
      30_000,
    );
  };

  beforeAll(async () => {
    fx = await createWarehouseFixture('scoping', 2);
    await insertStores(fx.pool, [
      { storeId: A, timeZone: 'UTC', region: 'East' },
      { storeId: B, timeZone: 'UTC', region: 'West' },
    ]);
    await publishProducts(fx.pool, [snapshot(MILK)]);
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
    });
    stop = () => consumer.stop();

    // Honest sales of the chain product, then store A's till relabels it with a far-future clock
    // and sells it under the forged label.
    await send([sale(B, JUNE, MILK, 3), sale(A, JUNE, MILK, 2)]);
    await send([
      catalogChange(A, FAR_FUTURE, FORGED_MILK),
      sale(A, FAR_FUTURE, FORGED_MILK, 1),
      sale(A, JUNE + 60_000, FORGED_MILK, 4),
    ]);
    // Each store's own product with the same id; A's comes later, in applied order and by clock.
    await send([catalogChange(B, JUNE, B_LOCAL), sale(B, JUNE, B_LOCAL, 1)]);
    await send([catalogChange(A, JUNE + 120_000, A_LOCAL), sale(A, JUNE + 120_000, A_LOCAL, 1)]);
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await producer?.disconnect();
    await fx?.dispose();
  });

  const juneTop = async (storeId: string | null) => {
    const [june] = await topProductsByMonth(fx.pool, storeId, '2024-06-01', '2024-06-30', 10);
    return new Map((june?.byNetSales ?? []).map((r) => [r.productId, r]));
  };

  it('keeps HQ catalog names for chain products whatever a till sends, for every store and HQ', async () => {
    for (const scope of [null, A, B]) {
      const milk = (await juneTop(scope)).get(MILK.productId);
      expect(milk, `scope ${scope}`).toMatchObject({ name: MILK.name, category: MILK.category });
    }
    const stock = await stockRows(fx.pool, B, '2024-06-30');
    expect(stock.find((r) => r.productId === MILK.productId)).toMatchObject({
      name: MILK.name,
      category: MILK.category,
    });
    const local = await fx.pool.query('SELECT 1 FROM store_local_products WHERE product_id = $1', [
      MILK.productId,
    ]);
    expect(local.rows).toEqual([]);
  });

  it("labels the live hour's top products by HQ's catalog, not by the latest till's label", async () => {
    const now = Date.now();
    await send([sale(B, now - 60_000, MILK, 1)]);
    await send([sale(A, now - 30_000, { ...FORGED_MILK, name: 'Zzz forged' }, 1)]);
    for (const scope of [null, A]) {
      const live = await liveHour(fx.pool, scope, now);
      expect(live.topProducts.find((r) => r.productId === MILK.productId)?.name).toBe(MILK.name);
    }
  });

  it('groups category figures by the category each line was sold as', async () => {
    const chain = await breakdownRows(fx.pool, 'category', null, '2024-06-01', '2024-06-30');
    const byKey = new Map(chain.map((r) => [r.key, r.units]));
    // Dairy: B's 3 and A's 2 honest units; Luxury: only the 4 units A sold under the forged label.
    expect(byKey.get('Dairy')).toBe(5);
    expect(byKey.get('Luxury')).toBe(4);
    const a = await breakdownRows(fx.pool, 'category', A, '2024-06-01', '2024-06-30');
    expect(new Map(a.map((r) => [r.key, r.units]))).toEqual(
      new Map([
        ['Dairy', 2],
        ['Luxury', 4],
        ['Bakery', 1],
      ]),
    );
    expect(Object.values(await auditRollups(fx.pool)).every((n) => n === 0)).toBe(true);
  });

  it("does not let one store's local product relabel another store's of the same id", async () => {
    expect((await juneTop(B)).get('local-1')).toMatchObject({
      name: B_LOCAL.name,
      category: B_LOCAL.category,
    });
    expect((await juneTop(A)).get('local-1')).toMatchObject({
      name: A_LOCAL.name,
      category: A_LOCAL.category,
    });
    const stockB = await stockRows(fx.pool, B, '2024-06-30');
    expect(stockB.find((r) => r.productId === 'local-1')?.name).toBe(B_LOCAL.name);
    // For the chain the two stores disagree: the product is shown by its id, not by either label.
    expect((await juneTop(null)).get('local-1')?.name).toBe('local-1');
  });

  it("takes a store's later change in applied order, not the one with the later clock", async () => {
    const later = { productId: 'local-2', name: 'New label', category: 'Snacks' };
    await send([
      catalogChange(A, FAR_FUTURE, { ...later, name: 'Old label' }, 50),
      catalogChange(A, JUNE, later, 7),
    ]);
    const row = (await stockRows(fx.pool, A, '2024-06-30')).find((r) => r.productId === 'local-2');
    expect(row).toMatchObject({ name: 'New label', reorderLevel: 7 });
    // A sale queued offline before the edit, applied after it, does not undo the edit.
    await send([sale(A, JUNE - 60_000, { ...later, name: 'Old label' }, 1)]);
    const after = (await stockRows(fx.pool, A, '2024-06-30')).find(
      (r) => r.productId === 'local-2',
    );
    expect(after?.name).toBe('New label');
  });

  it("dead-letters an event whose id is another store's event instead of counting it a duplicate", async () => {
    const original = sale(A, JUNE, MILK, 1);
    await send([original]);
    const forged = { ...sale(B, JUNE, MILK, 9), eventId: original.eventId };
    await send([forged, sale(B, JUNE, MILK, 1)]);
    await waitFor(
      'the forged event dead-lettered',
      async () =>
        (await fx.pool.query('SELECT 1 FROM dead_letters WHERE event_id = $1', [original.eventId]))
          .rows.length > 0,
      10_000,
    );
    const letters = await fx.pool.query<{ store_id: string; reason_code: string; reason: string }>(
      'SELECT store_id, reason_code, reason FROM dead_letters WHERE event_id = $1',
      [original.eventId],
    );
    expect(letters.rows).toEqual([
      expect.objectContaining({ store_id: B, reason_code: EVENT_ID_CONFLICT }),
    ]);
    expect(letters.rows[0]?.reason).toContain(A);
    const owner = await fx.pool.query('SELECT store_id FROM events WHERE event_id = $1', [
      original.eventId,
    ]);
    expect(owner.rows).toEqual([{ store_id: A }]);
  });

  it('refuses the second of two events with one id from two stores in the same batch', async () => {
    const first = sale(A, JUNE, MILK, 1);
    const second = { ...sale(B, JUNE, MILK, 1), eventId: first.eventId };
    const outcome = await applyEvents(
      fx.pool,
      new MonthPartitions(),
      [first, second, first].map((event, i) => ({
        event,
        position: { partition: 0, offset: String(900_000 + i), index: 0 },
      })),
    );
    expect(outcome.applied.map((e) => e.storeId)).toEqual([A]);
    expect(outcome.conflicts.map((c) => [c.entry.event.storeId, c.ownerStoreId])).toEqual([[B, A]]);
    expect(outcome.duplicates).toBe(1);
  });

  it("keeps each store's shift when another store reuses the shift id", async () => {
    await send([shiftOpen(A, SHIFT, 5_000)]);
    await send([shiftOpen(B, SHIFT, 999_999)]);
    const shifts = await fx.pool.query<{ store_id: string; opening_float: string }>(
      'SELECT store_id, opening_float::text FROM shifts WHERE shift_id = $1 ORDER BY store_id',
      [SHIFT],
    );
    expect(shifts.rows).toEqual([
      { store_id: A, opening_float: '5000' },
      { store_id: B, opening_float: '999999' },
    ]);
  });

  it("keeps each store's cashier name when another store reuses the cashier id", async () => {
    await send([sale(A, JUNE, MILK, 1, { id: 'shared-cashier', name: 'Alice' })]);
    await send([sale(B, JUNE, MILK, 1, { id: 'shared-cashier', name: 'Mallory' })]);
    const a = await breakdownRows(fx.pool, 'cashier', A, '2024-06-01', '2024-06-30');
    expect(a.find((r) => r.key === 'shared-cashier')?.label).toBe('Alice');
    const chain = await breakdownRows(fx.pool, 'cashier', null, '2024-06-01', '2024-06-30');
    expect(chain.filter((r) => r.key.endsWith('shared-cashier')).map((r) => r.label)).toEqual(
      expect.arrayContaining(['Alice', 'Mallory']),
    );
  });
});
