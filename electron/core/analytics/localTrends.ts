// Month and year figures from the till's own daily rollups (see analyticsSchema.ts). Every query
// is a primary-key range over local day keys (YYYYMMDD), so a year of months reads a few hundred
// rollup rows however many sales the till holds. The KPI arithmetic is shared/kpi's, the same code
// HQ uses, so a one-till store shows the same numbers either way.
import type Database from 'better-sqlite3';
import type {
  DashboardTrends,
  MonthCategoryFigure,
  MonthFigure,
  MonthTopProducts,
  ProductFigure,
  YearFigure,
} from '../../../shared/api/dashboard';
import { daysInMonth } from '../../../shared/calendar';
import { topN } from '../../../shared/kpi/ranking';
import {
  EMPTY_TOTALS,
  growthRatio,
  salesKpis,
  type SalesTotals,
} from '../../../shared/kpi/salesKpis';
import { ensureAnalyticsSchema } from './analyticsSchema';
import { catchUpRollups } from './rollupCatchUp';
import {
  dayKeyOfText,
  dayTextOfKey,
  formatMonthKey,
  readStoreFacts,
  type StoreFacts,
} from './storeCalendar';

export interface TrendsQuery {
  from: string;
  to: string;
  category?: string | undefined;
  rankBy: 'net' | 'units';
  topN: number;
}

const SUMS = `sum(orders) AS orders, sum(returns) AS returns, sum(net) AS netSales, sum(units) AS units,
  sum(tax) AS tax, sum(discount) AS discount, sum(gross) AS gross`;

/** The statements, exported so tests can assert their query plans. */
export const trendsSql = (byCategory: boolean) => {
  const source = byCategory ? 'analytics_day_categories' : 'analytics_day_totals';
  const where = `day BETWEEN @from AND @to${byCategory ? ' AND category = @category' : ''}`;
  return {
    months: `SELECT day / 100 AS month, ${SUMS} FROM ${source} WHERE ${where} GROUP BY month`,
    span: `SELECT ${SUMS} FROM ${source} WHERE ${where}`,
    // Whole months from the monthly table, the cut months at either end from the daily one.
    products: `SELECT month, product_id AS productId, max(sku) AS sku, max(name) AS name, max(category) AS category,
        sum(net) AS netSales, sum(units) AS units
      FROM (
        SELECT day / 100 AS month, product_id, sku, name, category, net, units FROM analytics_day_products
          WHERE day BETWEEN @headFrom AND @headTo${byCategory ? ' AND category = @category' : ''}
        UNION ALL
        SELECT month, product_id, sku, name, category, net, units FROM analytics_month_products
          WHERE month BETWEEN @monthFrom AND @monthTo${byCategory ? ' AND category = @category' : ''}
        UNION ALL
        SELECT day / 100 AS month, product_id, sku, name, category, net, units FROM analytics_day_products
          WHERE day BETWEEN @tailFrom AND @tailTo${byCategory ? ' AND category = @category' : ''})
      GROUP BY month, product_id`,
    categories: `SELECT day / 100 AS month, category, sum(net) AS netSales, sum(units) AS units, sum(orders) AS orders
      FROM analytics_day_categories WHERE day BETWEEN @from AND @to${byCategory ? ' AND category = @category' : ''}
      GROUP BY month, category ORDER BY month, netSales DESC, category`,
    categoryNames: `SELECT DISTINCT category FROM analytics_day_categories WHERE day BETWEEN @from AND @to ORDER BY category`,
  };
};

type Row = SalesTotals & { month: number };
type ProductRow = Omit<ProductFigure, 'rank'> & { month: number };

const totalsOf = (row: SalesTotals | undefined): SalesTotals => {
  if (!row || row.orders === null) return EMPTY_TOTALS;
  return row;
};

const NONE = { from: 1, to: 0 }; // an empty BETWEEN range

/**
 * Splits a day range into a leading run of days, whole months, and a trailing run of days, so
 * product figures read the monthly rollup wherever a month is covered entirely.
 */
export const splitRange = (fromKey: number, toKey: number) => {
  const lastDay = (monthKey: number): number =>
    daysInMonth(`${Math.floor(monthKey / 100)}-${String(monthKey % 100).padStart(2, '0')}`);
  const fromMonth = Math.floor(fromKey / 100);
  const toMonth = Math.floor(toKey / 100);
  const startsMonth = fromKey % 100 === 1;
  const endsMonth = toKey % 100 === lastDay(toMonth);
  if (fromMonth === toMonth && !(startsMonth && endsMonth)) {
    return { head: { from: fromKey, to: toKey }, months: NONE, tail: NONE };
  }
  const next = (m: number): number => (m % 100 === 12 ? m + 89 : m + 1);
  const prev = (m: number): number => (m % 100 === 1 ? m - 89 : m - 1);
  const months = {
    from: startsMonth ? fromMonth : next(fromMonth),
    to: endsMonth ? toMonth : prev(toMonth),
  };
  return {
    head: startsMonth ? NONE : { from: fromKey, to: fromMonth * 100 + lastDay(fromMonth) },
    months: months.from <= months.to ? months : NONE,
    tail: endsMonth ? NONE : { from: toMonth * 100 + 1, to: toKey },
  };
};

/** Month keys (YYYYMM) from the month of `fromKey` to the month of `toKey`, inclusive. */
const monthsBetween = (fromKey: number, toKey: number): number[] => {
  const out: number[] = [];
  let y = Math.floor(fromKey / 10_000);
  let m = Math.floor(fromKey / 100) % 100;
  const last = Math.floor(toKey / 100);
  while (y * 100 + m <= last) {
    out.push(y * 100 + m);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
};

export const localTrends = (
  db: Database.Database,
  now: number,
  query: TrendsQuery,
  store: StoreFacts = readStoreFacts(db),
): DashboardTrends => {
  ensureAnalyticsSchema(db, store.timeZone);
  catchUpRollups(db, store.timeZone);
  const from = dayKeyOfText(query.from);
  const to = dayKeyOfText(query.to);
  const byCategory = query.category !== undefined && query.category !== '';
  const sql = trendsSql(byCategory);
  const base = byCategory ? { category: query.category } : {};
  const read = db.transaction(() => {
    const monthly = (f: number, t: number): Map<number, SalesTotals> =>
      new Map(
        (db.prepare(sql.months).all({ ...base, from: f, to: t }) as Row[]).map(
          ({ month, ...r }) => [month, r],
        ),
      );
    const span = (f: number, t: number): SalesTotals =>
      totalsOf(db.prepare(sql.span).get({ ...base, from: f, to: t }) as SalesTotals | undefined);

    const current = monthly(from, to);
    const previous = monthly(from - 10_000, to - 10_000);
    const months: MonthFigure[] = monthsBetween(from, to).map((key) => {
      const t = current.get(key) ?? EMPTY_TOTALS;
      const p = previous.get(key - 100) ?? EMPTY_TOTALS;
      return {
        month: formatMonthKey(key),
        totals: salesKpis(t),
        previousYear: salesKpis(p),
        growth: growthRatio(t.netSales, p.netSales),
      };
    });

    const years: YearFigure[] = [];
    for (let y = Math.floor(from / 10_000); y <= Math.floor(to / 10_000); y += 1) {
      const f = Math.max(from, y * 10_000 + 101);
      const t = Math.min(to, y * 10_000 + 1231);
      const cur = span(f, t);
      const prev = span(f - 10_000, t - 10_000);
      const partial = f !== y * 10_000 + 101 || t !== y * 10_000 + 1231;
      years.push({
        year: y,
        totals: salesKpis(cur),
        previousYear: salesKpis(prev),
        growth: growthRatio(cur.netSales, prev.netSales),
        partial,
      });
    }

    const parts = splitRange(from, to);
    const productRows = db.prepare(sql.products).all({
      ...base,
      headFrom: parts.head.from,
      headTo: parts.head.to,
      monthFrom: parts.months.from,
      monthTo: parts.months.to,
      tailFrom: parts.tail.from,
      tailTo: parts.tail.to,
    }) as ProductRow[];
    const byMonth = new Map<number, ProductRow[]>();
    for (const r of productRows) {
      const list = byMonth.get(r.month);
      if (list) list.push(r);
      else byMonth.set(r.month, [r]);
    }
    const value =
      query.rankBy === 'units' ? (p: ProductRow) => p.units : (p: ProductRow) => p.netSales;
    const topProductsByMonth: MonthTopProducts[] = monthsBetween(from, to).map((key) => ({
      month: formatMonthKey(key),
      items: topN(byMonth.get(key) ?? [], query.topN, value, (p) => p.productId).map(
        ({ rank, item }) => {
          const { month: _month, ...figure } = item;
          return { rank, ...figure };
        },
      ),
    }));

    const categoriesByMonth: MonthCategoryFigure[] = (
      db.prepare(sql.categories).all({ ...base, from, to }) as (Omit<
        MonthCategoryFigure,
        'month'
      > & { month: number })[]
    ).map((r) => ({ ...r, month: formatMonthKey(r.month) }));
    const categories = (
      db.prepare(sql.categoryNames).all({ from, to }) as { category: string }[]
    ).map((r) => r.category);
    return { months, years, topProductsByMonth, categoriesByMonth, categories };
  });
  return {
    source: 'local',
    topProductsSource: 'local',
    categoriesSource: 'local',
    asOf: now,
    currency: store.currency,
    locale: store.locale,
    timeZone: store.timeZone,
    from: dayTextOfKey(from),
    to: dayTextOfKey(to),
    ...read(),
  };
};
