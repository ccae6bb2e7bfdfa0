// Month and year figures from HQ, when this till is enrolled and the sync module has cached HQ's
// answers (analytics_cache, read through analyticsCacheRepo.ts; the puller is
// electron/core/sync/analyticsPuller.ts). HQ holds every till of the
// store, so its figures win over this till's own; they are used only where the cached query
// covers the asked range, and every section is marked with where it came from. What the cache
// does not hold (a category filter, category trends) stays local.
import type {
  DashboardTrends,
  MonthFigure,
  MonthTopProducts,
  YearFigure,
} from '../../../shared/api/dashboard';
import {
  EMPTY_TOTALS,
  growthRatio,
  salesKpis,
  sumTotals,
  type SalesKpis,
  type SalesTotals,
} from '../../../shared/kpi/salesKpis';
import type {
  PeriodFigures,
  SummaryResponse,
  TopProductsResponse,
} from '../../../shared/sync/analyticsApi';
import { isMonthEnd } from '../../../shared/calendar';
import type { AnalyticsCacheReader, HqAnalyticsKey } from './analyticsCacheRepo';
import type { TrendsQuery } from './localTrends';

interface CachedBody<T> {
  body: T;
  asOf: number | null;
}

// A damaged cache entry reads as none (the repository says so): the local figures stand in.
const readCache = <T>(cache: AnalyticsCacheReader, key: HqAnalyticsKey): CachedBody<T> | null => {
  const entry = cache.get(key);
  return entry ? { body: entry.body as T, asOf: entry.asOf } : null;
};

const totalsOf = (p: SalesKpis): SalesTotals => ({
  netSales: p.netSales,
  orders: p.orders,
  returns: p.returns,
  units: p.units,
  tax: p.tax,
  discount: p.discount,
  gross: p.gross,
});

const shiftYear = (month: string, years: number): string =>
  `${Number(month.slice(0, 4)) + years}${month.slice(4)}`;

/** Replaces the local months/years (and top products when covered) with HQ's cached figures. */
export const overlayHqTrends = (
  cache: AnalyticsCacheReader,
  query: TrendsQuery,
  local: DashboardTrends,
): DashboardTrends | null => {
  if (query.category) return null; // HQ's cached summaries are for the whole store only
  const summary = readCache<SummaryResponse>(cache, 'summaryMonths');
  if (
    !summary ||
    summary.body.grain !== 'month' ||
    summary.body.from > query.from ||
    summary.body.to < query.to
  )
    return null;
  // HQ's cached grain is the month: a range that cuts a month (other than at today, where HQ's
  // answer also ends) cannot be served from it like for like.
  if (!query.from.endsWith('-01') || !(isMonthEnd(query.to) || query.to === summary.body.to))
    return null;
  const periods = new Map<string, PeriodFigures>(summary.body.periods.map((p) => [p.period, p]));
  const cachedFrom = summary.body.from.slice(0, 7);
  const figureOf = (month: string): SalesKpis | null => {
    if (month < cachedFrom) return null;
    const p = periods.get(month);
    return p ? salesKpis(totalsOf(p)) : salesKpis(EMPTY_TOTALS);
  };

  const months: MonthFigure[] = local.months.map((m) => {
    const totals = figureOf(m.month) ?? salesKpis(EMPTY_TOTALS);
    const previousYear = figureOf(shiftYear(m.month, -1));
    const hqGrowth = periods.get(m.month)?.yearOverYearGrowth ?? null;
    return {
      month: m.month,
      totals,
      previousYear,
      growth: previousYear ? growthRatio(totals.netSales, previousYear.netSales) : hqGrowth,
    };
  });

  const years: YearFigure[] = local.years.map((y) => {
    const inYear = months.filter((m) => m.month.startsWith(`${y.year}-`));
    const totals = salesKpis(sumTotals(inYear.map((m) => totalsOf(m.totals))));
    const prevParts = inYear.map((m) => m.previousYear);
    const previousYear = prevParts.every((p): p is SalesKpis => p !== null)
      ? salesKpis(sumTotals(prevParts.map(totalsOf)))
      : null;
    return {
      year: y.year,
      totals,
      previousYear,
      growth: previousYear ? growthRatio(totals.netSales, previousYear.netSales) : null,
      partial: y.partial,
    };
  });

  const top = readCache<TopProductsResponse>(cache, 'topProducts');
  const topCovers = top !== null && top.body.from <= query.from && top.body.to >= query.to;
  const topProductsByMonth: MonthTopProducts[] = topCovers
    ? local.months.map(({ month }) => {
        const m = top.body.months.find((x) => x.month === month);
        const rows = (query.rankBy === 'units' ? m?.byUnits : m?.byNetSales) ?? [];
        return { month, items: rows.slice(0, query.topN).map((r) => ({ ...r })) };
      })
    : local.topProductsByMonth;

  return {
    ...local,
    source: 'hq',
    topProductsSource: topCovers ? 'hq' : 'local',
    asOf: summary.asOf ?? summary.body.meta.asOf ?? local.asOf,
    currency: summary.body.meta.currency ?? local.currency,
    months,
    years,
    topProductsByMonth,
  };
};
