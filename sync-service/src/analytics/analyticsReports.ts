// Builds the analytics answers from the repositories and the shared KPI definitions.
import {
  growthRatio,
  salesKpis,
  sumTotals,
  topN,
  EMPTY_TOTALS,
  refillDecision,
  type SalesTotals,
} from '../../../shared/kpi';
import type {
  AnalyticsGrain,
  BreakdownDimension,
  BreakdownRow,
  PeriodFigures,
  StockRow,
  TopProductRow,
  TopProductsMonth,
} from '../../../shared/sync/analyticsApi';
import type { SqlClient } from '../warehouse/sqlClient';
import {
  dailyTotals,
  productMonthFigures,
  type DayTotals,
  type FigureSource,
  type ProductMonthFigures,
} from './analyticsRepo';
import { breakdown } from './breakdownRepo';
import { periodOf, periodsBetween, previousPeriod, yearBefore } from './periods';
import { stockInputs } from './stockRepo';

/** Adds `item` to its key's group in place (copying the group per row would be quadratic). */
const addToGroup = <T>(groups: Map<string, T[]>, key: string, item: T): void => {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
};

export interface SummaryFigures {
  periods: PeriodFigures[];
  totals: ReturnType<typeof salesKpis>;
}

export const summaryFigures = async (
  db: SqlClient,
  storeId: string | null,
  from: string,
  to: string,
  grain: AnalyticsGrain,
  source: FigureSource = 'rollups',
): Promise<SummaryFigures> => {
  // From a year before `from` so every period has its previous and year-earlier comparison.
  const days = await dailyTotals(db, storeId, `${Number(from.slice(0, 4)) - 1}-01-01`, to, source);
  const byPeriod = new Map<string, DayTotals[]>();
  const inRange: SalesTotals[] = [];
  for (const d of days) {
    const key = periodOf(d.day, grain);
    addToGroup(byPeriod, key, d);
    if (d.day >= from) inRange.push(d);
  }
  const net = (period: string): number =>
    sumTotals(byPeriod.get(period) ?? [EMPTY_TOTALS]).netSales;
  const periods = periodsBetween(from, to, grain).map((period) => {
    const totals = sumTotals((byPeriod.get(period) ?? []).filter((d) => d.day >= from));
    return {
      period,
      ...salesKpis(totals),
      previousPeriodGrowth: growthRatio(totals.netSales, net(previousPeriod(period, grain))),
      yearOverYearGrowth: growthRatio(totals.netSales, net(yearBefore(period))),
    };
  });
  return { periods, totals: salesKpis(sumTotals(inRange)) };
};

const ranked = (
  rows: readonly ProductMonthFigures[],
  limit: number,
  value: (r: ProductMonthFigures) => number,
): TopProductRow[] =>
  topN(rows, limit, value, (r) => r.productId).map(({ rank, item }) => ({
    rank,
    productId: item.productId,
    sku: item.sku,
    name: item.name,
    category: item.category,
    netSales: item.netSales,
    units: item.units,
  }));

export const topProductsByMonth = async (
  db: SqlClient,
  storeId: string | null,
  from: string,
  to: string,
  limit: number,
  source: FigureSource = 'rollups',
): Promise<TopProductsMonth[]> => {
  const rows = await productMonthFigures(db, storeId, from, to, source, limit);
  const months = new Map<string, ProductMonthFigures[]>();
  for (const r of rows) addToGroup(months, r.month, r);
  return periodsBetween(from, to, 'month').map((month) => {
    const m = months.get(month) ?? [];
    return {
      month,
      byNetSales: ranked(m, limit, (r) => r.netSales),
      byUnits: ranked(m, limit, (r) => r.units),
    };
  });
};

export const breakdownRows = (
  db: SqlClient,
  by: BreakdownDimension,
  storeId: string | null,
  from: string,
  to: string,
): Promise<BreakdownRow[]> => breakdown(db, by, storeId, from, to);

export const stockRows = async (
  db: SqlClient,
  storeId: string | null,
  at: string,
): Promise<StockRow[]> =>
  (await stockInputs(db, storeId, at)).map((s) => {
    const decision = refillDecision(s);
    return {
      ...s,
      daysOfCover: decision.daysOfCover,
      needsRefill: decision.needsRefill,
      reasons: decision.reasons,
    };
  });
