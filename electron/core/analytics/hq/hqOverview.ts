// The HQ view's figures: every store side by side (net sales, growth, AOV, return rate), regions,
// chain-wide top products, and a drill into one store (its months, tills and top products). All
// from HQ's analytics API; the KPI arithmetic is shared/kpi's, as on the till.
import type {
  DashboardHq,
  HqFigure,
  HqMonthFigure,
  HqStoreDrill,
  HqStoreFigure,
  ProductFigure,
} from '../../../../shared/api/dashboard';
import { averageOrderValue, growthRatio, rateOfReturn } from '../../../../shared/kpi/salesKpis';
import { topN } from '../../../../shared/kpi/ranking';
import { listStoresResponseSchema } from '../../../../shared/sync/gatewayApi';
import type {
  BreakdownResponse,
  BreakdownRow,
  SummaryResponse,
  TillSyncResponse,
  TopProductsResponse,
} from '../../../../shared/sync/analyticsApi';
import { sameDayYearEarlier } from '../../../../shared/calendar';
import { AppFailure } from '../../../../shared/result';
import { hqGet, type HqConnection } from './hqClient';

const qs = (params: Record<string, string>): string => new URLSearchParams(params).toString();

/** The same calendar dates one year earlier (29 Feb maps to 28 Feb): shared/calendar's. */
export const yearEarlier = sameDayYearEarlier;

export const figureOf = (row: BreakdownRow, previous: BreakdownRow | undefined): HqFigure => {
  const orders = row.orders ?? 0;
  const returns = row.returns ?? 0;
  const previousNetSales = previous?.netSales ?? 0;
  return {
    key: row.key,
    label: row.label,
    netSales: row.netSales,
    orders,
    returns,
    units: row.units,
    averageOrderValue: averageOrderValue(row.netSales, orders),
    rateOfReturn: rateOfReturn(orders, returns),
    previousNetSales,
    growth: growthRatio(row.netSales, previousNetSales),
  };
};

const breakdown = (
  c: HqConnection,
  scope: Record<string, string>,
  by: string,
  from: string,
  to: string,
) => hqGet<BreakdownResponse>(c, `/v1/analytics/breakdown?${qs({ ...scope, by, from, to })}`);

/** Rows this period, matched with the same rows a year earlier. */
const compared = async (
  c: HqConnection,
  scope: Record<string, string>,
  by: string,
  from: string,
  to: string,
) => {
  const [now, before] = await Promise.all([
    breakdown(c, scope, by, from, to),
    breakdown(c, scope, by, yearEarlier(from), yearEarlier(to)),
  ]);
  const previous = new Map(before.rows.map((r) => [r.key, r]));
  return { meta: now.meta, rows: now.rows.map((r) => figureOf(r, previous.get(r.key))) };
};

/** Sums the per-month top lists into one ranking over the range (ties by product id). */
const rangeTop = (top: TopProductsResponse, n: number): ProductFigure[] => {
  const sums = new Map<string, Omit<ProductFigure, 'rank'>>();
  for (const m of top.months) {
    for (const p of m.byNetSales) {
      const s = sums.get(p.productId);
      if (s) {
        s.netSales += p.netSales;
        s.units += p.units;
      } else
        sums.set(p.productId, {
          productId: p.productId,
          sku: p.sku,
          name: p.name,
          category: p.category,
          netSales: p.netSales,
          units: p.units,
        });
    }
  }
  return topN(
    [...sums.values()],
    n,
    (p) => p.netSales,
    (p) => p.productId,
  ).map(({ rank, item }) => ({ rank, ...item }));
};

const storeDrill = async (
  c: HqConnection,
  storeId: string,
  name: string,
  currency: string,
  from: string,
  to: string,
): Promise<HqStoreDrill> => {
  const scope = { scope: 'store', storeId };
  const [summary, tills, top] = await Promise.all([
    hqGet<SummaryResponse>(
      c,
      `/v1/analytics/summary?${qs({ ...scope, grain: 'month', from, to })}`,
    ),
    compared(c, scope, 'till', from, to),
    hqGet<TopProductsResponse>(
      c,
      `/v1/analytics/top-products?${qs({ ...scope, from, to, limit: '10' })}`,
    ),
  ]);
  const months: HqMonthFigure[] = summary.periods.map((p) => ({
    month: p.period,
    netSales: p.netSales,
    orders: p.orders,
    averageOrderValue: averageOrderValue(p.netSales, p.orders),
    rateOfReturn: rateOfReturn(p.orders, p.returns),
    yearOverYearGrowth: p.yearOverYearGrowth,
  }));
  return {
    storeId,
    name,
    currency,
    lastSyncedAt: summary.meta.appliedAt,
    months,
    tills: tills.rows,
    topProducts: rangeTop(top, 10),
  };
};

export const hqOverview = async (
  c: HqConnection,
  from: string,
  to: string,
  storeId: string | undefined,
): Promise<DashboardHq> => {
  const chain = { scope: 'chain' };
  const [storesRaw, stores, regions, top, tillSync] = await Promise.all([
    hqGet<unknown>(c, '/v1/console/stores'),
    compared(c, chain, 'store', from, to),
    compared(c, chain, 'region', from, to),
    hqGet<TopProductsResponse>(
      c,
      `/v1/analytics/top-products?${qs({ ...chain, from, to, limit: '20' })}`,
    ),
    hqGet<TillSyncResponse>(c, `/v1/analytics/tills?${qs(chain)}`),
  ]);
  const parsed = listStoresResponseSchema.safeParse(storesRaw);
  if (!parsed.success)
    throw new AppFailure('SYNC_ERROR', 'HQ answered the store list in an unexpected shape.');
  const figures = new Map(stores.rows.map((r) => [r.key, r]));
  const storeFigures: HqStoreFigure[] = parsed.data.stores.map((s) => {
    const f = figures.get(s.storeId);
    const base: HqFigure = f ?? {
      key: s.storeId,
      label: s.name,
      netSales: 0,
      orders: 0,
      returns: 0,
      units: 0,
      averageOrderValue: null,
      rateOfReturn: null,
      previousNetSales: 0,
      growth: null,
    };
    return {
      ...base,
      key: s.storeId,
      label: s.name,
      region: s.region,
      city: s.city,
      currency: s.currency,
    };
  });
  let store: HqStoreDrill | null = null;
  if (storeId) {
    const s = parsed.data.stores.find((x) => x.storeId === storeId);
    if (!s) throw new AppFailure('NOT_FOUND', `HQ has no store ${storeId}.`);
    store = await storeDrill(c, s.storeId, s.name, s.currency, from, to);
  }
  return {
    hqUrl: c.hqUrl,
    from,
    to,
    asOf: stores.meta.asOf,
    appliedAt: stores.meta.appliedAt,
    currency: stores.meta.currency,
    stores: storeFigures,
    regions: regions.rows,
    topProducts: rangeTop(top, 10),
    store,
    tillSync: tillSync.rows,
    hqTime: tillSync.serverTime,
  };
};
