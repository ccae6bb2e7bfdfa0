import { describe, expect, it } from 'vitest';
import type {
  PeriodFigures,
  SummaryResponse,
  TopProductsResponse,
} from '../../../shared/sync/analyticsApi';
import { analyticsCacheRepo } from './analyticsCacheRepo';
import { overlayHqTrends } from './hqTrends';
import { localTrends } from './localTrends';
import { insertFixtureSales, openTestShop } from '../../test/analytics/testShop';

const line = (productId: string, quantity: number, net: number) => ({
  productId,
  category: 'Tea',
  quantity,
  net,
  tax: 0,
  discount: 0,
});

describe('HQ figures overlaid on the dashboard', () => {
  const db = openTestShop('Asia/Kolkata');
  insertFixtureSales(db, [
    {
      id: 'a',
      kind: 'sale',
      utc: '2024-05-10T06:00:00Z',
      localDay: '2024-05-10',
      localHour: 11,
      cashier: 'ann',
      lines: [line('P', 2, 400)],
    },
    {
      id: 'b',
      kind: 'sale',
      utc: '2025-05-10T06:00:00Z',
      localDay: '2025-05-10',
      localHour: 11,
      cashier: 'ann',
      lines: [line('P', 3, 600), line('Q', 1, 150)],
    },
    {
      id: 'c',
      kind: 'return',
      utc: '2025-05-11T06:00:00Z',
      localDay: '2025-05-11',
      localHour: 11,
      cashier: 'bob',
      lines: [line('Q', -1, -150)],
    },
  ]);
  const query = { from: '2024-01-01', to: '2025-06-30', rankBy: 'net' as const, topN: 5 };
  const local = localTrends(db, 0, query);

  // What HQ answers for a one-till store once everything is synced: the same facts.
  const periods: PeriodFigures[] = local.months.map((m) => ({
    ...m.totals,
    period: m.month,
    previousPeriodGrowth: null,
    yearOverYearGrowth: m.growth,
  }));
  const meta = {
    scope: 'store' as const,
    storeId: 'store-1',
    asOf: 1_750_000_000_000,
    appliedAt: 1_750_000_000_500,
    version: 'v1',
    currency: 'USD',
  };
  const summary: SummaryResponse = {
    meta,
    grain: 'month',
    from: '2024-01-01',
    to: '2025-06-30',
    periods,
    totals: local.months[0]!.totals,
  };
  const top: TopProductsResponse = {
    meta,
    from: '2024-01-01',
    to: '2025-06-30',
    months: local.topProductsByMonth.map((m) => ({
      month: m.month,
      byNetSales: m.items,
      byUnits: m.items,
    })),
  };
  const put = db.prepare(
    'INSERT OR REPLACE INTO analytics_cache (query_key, url, etag, body, as_of, fetched_at) VALUES (?, ?, NULL, ?, ?, 0)',
  );
  put.run('summaryMonths', '/v1/analytics/summary', JSON.stringify(summary), meta.asOf);
  put.run('topProducts', '/v1/analytics/top-products', JSON.stringify(top), meta.asOf);

  const cache = analyticsCacheRepo(db);

  it('gives the same months, years and top products as the local figures, marked as HQ', () => {
    const hq = overlayHqTrends(cache, query, local);
    expect(hq).not.toBeNull();
    expect(hq!.source).toBe('hq');
    expect(hq!.topProductsSource).toBe('hq');
    expect(hq!.categoriesSource).toBe('local');
    expect(hq!.asOf).toBe(meta.asOf);
    expect(hq!.months.map((m) => m.totals)).toEqual(local.months.map((m) => m.totals));
    // Months before HQ's copy begins have no year-ago figures from HQ.
    expect(hq!.months.find((m) => m.month === '2025-05')!.previousYear).toEqual(
      local.months.find((m) => m.month === '2025-05')!.previousYear,
    );
    expect(hq!.months.find((m) => m.month === '2024-05')!.previousYear).toBeNull();
    expect(hq!.years.map((y) => y.totals)).toEqual(local.years.map((y) => y.totals));
    expect(hq!.topProductsByMonth).toEqual(local.topProductsByMonth);
  });

  it('stays local where HQ’s copy does not reach: a category filter, an older range, a cut month', () => {
    expect(overlayHqTrends(cache, { ...query, category: 'Tea' }, local)).toBeNull();
    expect(overlayHqTrends(cache, { ...query, from: '2023-01-01' }, local)).toBeNull();
    expect(overlayHqTrends(cache, { ...query, to: '2025-06-15' }, local)).toBeNull();
  });
});
