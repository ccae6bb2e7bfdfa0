// The analytics API over a real Postgres filled by the real apply path: figures equal sums
// computed from the events, access rules hold, ETag/304 works and the SSE stream announces changes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events';
import { averageOrderValue, growthRatio, topN } from '../../../shared/kpi';
import type {
  BreakdownResponse,
  StockResponse,
  SummaryResponse,
  TopProductsResponse,
} from '../../../shared/sync/analyticsApi';
import { generateTillToken, sha256 } from '../auth/secrets';
import { localDay } from '../../test/expectedFigures';
import {
  createWarehouseFixture,
  insertStores,
  type WarehouseFixture,
} from '../../test/warehouseTestKit';
import { buildHttpServer } from '../http/server';
import { createLogger } from '../ops/logger';
import { createMetricsRegistry } from '../ops/metrics';
import { applyEvents } from '../warehouse/applyEvents';
import { MonthPartitions } from '../warehouse/partitionsRepo';
import { auditRollups } from '../../test/rollupAudit';
import { publishProducts } from '../catalog/catalogRepo';
import { catalogEvents, generateEvents, syntheticProducts } from '../../test/syntheticEvents';
import { startAnalyticsChangeFeed, type AnalyticsChangeFeed } from './changeFeed';
import { topProductsByMonth } from './analyticsReports';
import { registerAnalyticsRoutes } from './routes';

const STORES = [
  { storeId: 'north', timeZone: 'Europe/London', region: 'North', tills: ['n-1'] },
  { storeId: 'south', timeZone: 'Asia/Kolkata', region: 'South', tills: ['s-1', 's-2'] },
];
const OPTIONS = {
  seed: 3,
  stores: STORES,
  products: 25,
  fromMs: Date.UTC(2024, 0, 1),
  toMs: Date.UTC(2025, 2, 31, 12),
};
const ADMIN = 'analytics-test-admin-token';
const zones = new Map(STORES.map((s) => [s.storeId, s.timeZone]));

describe('analytics API', () => {
  let fx: WarehouseFixture;
  let app: FastifyInstance;
  let feed: AnalyticsChangeFeed;
  let base: string;
  let tillToken: string;
  const partitions = new MonthPartitions();
  const events: PosEvent[] = [
    ...catalogEvents(OPTIONS, Date.UTC(2023, 11, 1)),
    ...generateEvents(3_000, OPTIONS),
  ];
  const apply = (list: readonly PosEvent[]) =>
    applyEvents(
      fx.pool,
      partitions,
      list.map((event, i) => ({ event, position: { partition: 0, offset: String(i), index: 0 } })),
    );

  beforeAll(async () => {
    fx = await createWarehouseFixture('analytics', 1);
    await insertStores(fx.pool, STORES);
    await fx.pool.query(
      `INSERT INTO tills (till_id, store_id, name) VALUES ('s-1', 'south', 'Front till')`,
    );
    tillToken = generateTillToken();
    await fx.pool.query('INSERT INTO till_tokens (token_hash, till_id) VALUES ($1, $2)', [
      sha256(tillToken),
      's-1',
    ]);
    await apply(events);
    const logger = createLogger('error');
    feed = await startAnalyticsChangeFeed(fx.url, logger);
    app = buildHttpServer({ logger, metrics: createMetricsRegistry() });
    await registerAnalyticsRoutes(app, {
      pool: fx.pool,
      logger,
      config: { adminToken: ADMIN, databaseUrl: fx.url, tokenCacheTtlMs: 0 },
      changeFeed: feed,
    });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await app?.close();
    await feed?.close();
    await fx?.dispose();
  });

  const get = (path: string, token = ADMIN, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  /** Per local month × store figures straight from the events. */
  const monthly = (storeId: string | null) => {
    const m = new Map<
      string,
      {
        net: number;
        orders: number;
        returns: number;
        units: number;
        products: Map<string, { net: number; units: number }>;
      }
    >();
    for (const e of events) {
      if ((e.type !== 'sale' && e.type !== 'return') || (storeId && e.storeId !== storeId))
        continue;
      const month = localDay(e.occurredAt, zones.get(e.storeId) ?? 'UTC').slice(0, 7);
      const f = m.get(month) ?? { net: 0, orders: 0, returns: 0, units: 0, products: new Map() };
      if (e.type === 'sale') f.orders += 1;
      else f.returns += 1;
      for (const l of e.payload.lines) {
        f.net += l.net;
        f.units += l.quantity;
        const p = f.products.get(l.productId) ?? { net: 0, units: 0 };
        p.net += l.net;
        p.units += l.quantity;
        f.products.set(l.productId, p);
      }
      m.set(month, f);
    }
    return m;
  };

  it('summarises the chain per month with growth, equal to sums of the events', async () => {
    const res = await get(
      '/v1/analytics/summary?scope=chain&from=2025-01-01&to=2025-03-31&grain=month',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as SummaryResponse;
    const expected = monthly(null);
    expect(body.periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    for (const p of body.periods) {
      const e = expected.get(p.period)!;
      expect([p.netSales, p.orders, p.returns, p.units]).toEqual([
        e.net,
        e.orders,
        e.returns,
        e.units,
      ]);
      expect(p.averageOrderValue).toBe(averageOrderValue(e.net, e.orders));
      expect(p.yearOverYearGrowth).toBe(
        growthRatio(e.net, expected.get(`2024${p.period.slice(4)}`)?.net ?? 0),
      );
    }
    expect(body.periods[0]?.previousPeriodGrowth).toBe(
      growthRatio(expected.get('2025-01')!.net, expected.get('2024-12')!.net),
    );
    expect(body.meta.asOf).toBe(Math.max(...events.map((e) => e.occurredAt)));
    expect(res.headers.get('etag')).toBe(body.meta.version);
  });

  it('ranks top products per month and splits sales by store and hour', async () => {
    const top = (await (
      await get(
        '/v1/analytics/top-products?scope=store&storeId=south&from=2024-06-01&to=2024-06-30&limit=5',
      )
    ).json()) as TopProductsResponse;
    const june = monthly('south').get('2024-06')!;
    const expectedTop = topN(
      [...june.products.entries()],
      5,
      ([, v]) => v.net,
      ([k]) => k,
    ).map(({ item }) => item[0]);
    expect(top.months[0]?.byNetSales.map((r) => r.productId)).toEqual(expectedTop);

    const byStore = (await (
      await get('/v1/analytics/breakdown?scope=chain&by=store&from=2024-01-01&to=2025-12-31')
    ).json()) as BreakdownResponse;
    const netOf = (s: string) => [...monthly(s).values()].reduce((a, f) => a + f.net, 0);
    expect(Object.fromEntries(byStore.rows.map((r) => [r.key, r.netSales]))).toEqual({
      north: netOf('north'),
      south: netOf('south'),
    });
    const byHour = (await (
      await get('/v1/analytics/breakdown?scope=chain&by=hour&from=2024-01-01&to=2025-12-31')
    ).json()) as BreakdownResponse;
    expect(byHour.rows.reduce((a, r) => a + r.netSales, 0)).toBe(netOf('north') + netOf('south'));
  });

  it('ranks the chain-wide top products of a whole year from the month × product rollup, equal to the facts', async () => {
    const res = await get(
      '/v1/analytics/top-products?scope=chain&from=2024-01-01&to=2024-12-31&limit=5',
    );
    expect(res.status).toBe(200);
    const top = (await res.json()) as TopProductsResponse;
    expect(top.months).toHaveLength(12);
    const expected = monthly(null);
    const ids = (products: [string, { net: number; units: number }][], by: 'net' | 'units') =>
      topN(
        products,
        5,
        ([, v]) => v[by],
        ([k]) => k,
      ).map(({ item }) => item[0]);
    for (const m of top.months) {
      const products = [...(expected.get(m.month)?.products.entries() ?? [])];
      expect(m.byNetSales.map((r) => r.productId)).toEqual(ids(products, 'net'));
      expect(m.byUnits.map((r) => r.productId)).toEqual(ids(products, 'units'));
    }
    expect(await topProductsByMonth(fx.pool, null, '2024-01-01', '2024-12-31', 5)).toEqual(
      await topProductsByMonth(fx.pool, null, '2024-01-01', '2024-12-31', 5, 'facts'),
    );
    expect(Object.values(await auditRollups(fx.pool)).every((n) => n === 0)).toBe(true);
  });

  it('reports stock on hand and the refill list', async () => {
    const body = (await (
      await get('/v1/analytics/stock?scope=store&storeId=north&at=2025-03-31')
    ).json()) as StockResponse;
    const onHand = new Map<string, number>();
    for (const e of events) {
      if (e.storeId !== 'north') continue;
      if (e.type === 'stock_move')
        onHand.set(
          e.payload.productId,
          (onHand.get(e.payload.productId) ?? 0) + e.payload.quantity,
        );
      if (e.type === 'sale' || (e.type === 'return' && e.payload.restock)) {
        for (const l of e.payload.lines)
          onHand.set(l.productId, (onHand.get(l.productId) ?? 0) - l.quantity);
      }
    }
    expect(body.rows).toHaveLength(25);
    for (const r of body.rows) expect(r.onHand).toBe(onHand.get(r.productId) ?? 0);
    const refill = (await (
      await get('/v1/analytics/stock?scope=store&storeId=north&at=2025-03-31&refillOnly=true')
    ).json()) as StockResponse;
    expect(refill.rows.map((r) => r.productId)).toEqual(
      body.rows.filter((r) => r.needsRefill).map((r) => r.productId),
    );
    expect(
      refill.rows.every(
        (r) => r.onHand <= r.reorderLevel || (r.daysOfCover ?? Infinity) < r.leadTimeDays,
      ),
    ).toBe(true);
  });

  it('lets a till see only its own store', async () => {
    expect(
      (await get('/v1/analytics/summary?from=2025-01-01&to=2025-01-31', tillToken)).status,
    ).toBe(200);
    expect(
      (
        await get(
          '/v1/analytics/summary?scope=store&storeId=north&from=2025-01-01&to=2025-01-31',
          tillToken,
        )
      ).status,
    ).toBe(403);
    expect(
      (await get('/v1/analytics/summary?scope=chain&from=2025-01-01&to=2025-01-31', tillToken))
        .status,
    ).toBe(403);
    expect(
      (await get('/v1/analytics/summary?scope=chain&from=2025-01-01&to=2025-01-31', 'nope')).status,
    ).toBe(401);
    expect(
      (await get('/v1/analytics/summary?scope=chain&from=2025-02-30&to=2025-01-31')).status,
    ).toBe(400);
    // Issue 11: a NUL in a query reached Postgres (which cannot hold it) and came back as a 500.
    expect(
      (
        await get(
          '/v1/analytics/summary?scope=store&storeId=no%00rth&from=2025-01-01&to=2025-01-31',
        )
      ).status,
    ).toBe(400);
  });

  it('answers 304 until the figures change, and streams the change', async () => {
    const path =
      '/v1/analytics/summary?scope=store&storeId=south&from=2025-03-01&to=2025-03-31&grain=day';
    const first = await get(path, tillToken);
    const etag = first.headers.get('etag') ?? '';
    expect((await get(path, tillToken, { 'if-none-match': etag })).status).toBe(304);

    const controller = new AbortController();
    const stream = await fetch(`${base}/v1/analytics/stream?scope=store`, {
      headers: { authorization: `Bearer ${tillToken}` },
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received.push(new TextDecoder().decode(value));
        if (received.join('').includes('event: analytics')) return;
      }
    })();

    const late = generateEvents(1, {
      ...OPTIONS,
      stores: [STORES[1]!],
      seed: 11,
      fromMs: Date.UTC(2025, 2, 31, 6),
      toMs: Date.UTC(2025, 2, 31, 6),
    });
    await apply(late);
    await reading;
    controller.abort();
    expect(received.join('')).toContain('"storeId":"south"');

    const after = await get(path, tillToken, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it("answers 200 with HQ's new name after a rename in the catalog, not 304", async () => {
    const path =
      '/v1/analytics/top-products?scope=store&storeId=south&from=2024-06-01&to=2024-06-30&limit=25';
    const first = await get(path);
    const etag = first.headers.get('etag') ?? '';
    const [product] = syntheticProducts(1);
    await publishProducts(fx.pool, [
      {
        ...product!,
        name: 'Renamed by HQ',
        barcodes: [],
        reorderLevel: 0,
        leadTimeDays: 0,
        active: true,
      },
    ]);
    const after = await get(path, ADMIN, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const body = (await after.json()) as TopProductsResponse;
    const row = body.months[0]?.byNetSales.find((r) => r.productId === product!.productId);
    expect(row?.name).toBe('Renamed by HQ');
  });
});
