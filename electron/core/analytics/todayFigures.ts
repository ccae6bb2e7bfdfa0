// Today's figures, live from the till's own sales (no rollup, so a sale shows up the moment it is
// rung up). Every query is a range on sales_by_time over today's UTC bounds, then primary-key
// lookups into sale_lines, so its cost follows today's volume, not the history's.
import type Database from 'better-sqlite3';
import type {
  CashierFigure,
  CategoryFigure,
  DashboardToday,
  HourFigure,
  ProductFigure,
} from '../../../shared/api/dashboard';
import { topN } from '../../../shared/kpi/ranking';
import { salesKpis, type SalesTotals } from '../../../shared/kpi/salesKpis';
import { formatDay, localDayBounds, readStoreFacts, todayIn } from './storeCalendar';
import { localHourSql, offsetSegments } from './timeZoneOffsets';

const TODAY_EVENTS = `SELECT event_id, kind, cashier_id, cashier_name, occurred_at FROM sales INDEXED BY sales_by_time
  WHERE occurred_at >= @start AND occurred_at < @end`;

/** The statements, exported so tests can assert their query plans. */
export const todaySql = (hourExpr: string) => ({
  totals: `SELECT count(*) FILTER (WHERE kind = 'sale') AS orders, count(*) FILTER (WHERE kind = 'return') AS returns,
      coalesce(sum(x.net), 0) AS netSales, coalesce(sum(x.units), 0) AS units, coalesce(sum(x.tax), 0) AS tax,
      coalesce(sum(x.discount), 0) AS discount, coalesce(sum(x.gross), 0) AS gross
    FROM (SELECT e.kind, sum(l.net) AS net, sum(l.quantity) AS units, sum(l.tax) AS tax, sum(l.discount) AS discount,
            sum(l.gross) AS gross
          FROM (${TODAY_EVENTS}) e CROSS JOIN sale_lines l ON l.event_id = e.event_id GROUP BY e.event_id) x`,
  byHour: `SELECT hour, count(*) FILTER (WHERE kind = 'sale') AS orders, sum(net) AS netSales, sum(units) AS units
    FROM (SELECT ${hourExpr} AS hour, e.kind, sum(l.net) AS net, sum(l.quantity) AS units
          FROM (${TODAY_EVENTS}) e CROSS JOIN sale_lines l ON l.event_id = e.event_id GROUP BY e.event_id)
    GROUP BY hour`,
  byProduct: `SELECT l.product_id AS productId, max(l.sku) AS sku, max(l.name) AS name, max(l.category) AS category,
      sum(l.net) AS netSales, sum(l.quantity) AS units
    FROM (${TODAY_EVENTS}) e CROSS JOIN sale_lines l ON l.event_id = e.event_id GROUP BY l.product_id`,
  byCategory: `SELECT category, count(*) FILTER (WHERE kind = 'sale') AS orders, sum(net) AS netSales, sum(units) AS units
    FROM (SELECT l.category, e.kind, sum(l.net) AS net, sum(l.quantity) AS units
          FROM (${TODAY_EVENTS}) e CROSS JOIN sale_lines l ON l.event_id = e.event_id GROUP BY e.event_id, l.category)
    GROUP BY category ORDER BY netSales DESC, category`,
  byCashier: `SELECT cashier_id AS cashierId, max(cashier_name) AS cashierName,
      count(*) FILTER (WHERE kind = 'sale') AS orders, count(*) FILTER (WHERE kind = 'return') AS returns,
      sum(net) AS netSales
    FROM (SELECT e.cashier_id, e.cashier_name, e.kind, sum(l.net) AS net
          FROM (${TODAY_EVENTS}) e CROSS JOIN sale_lines l ON l.event_id = e.event_id GROUP BY e.event_id)
    GROUP BY cashier_id ORDER BY netSales DESC, cashierName`,
});

type ProductRow = Omit<ProductFigure, 'rank'>;

export const todayFigures = (
  db: Database.Database,
  now: number,
  topCount: number,
): DashboardToday => {
  const store = readStoreFacts(db);
  const date = todayIn(store.timeZone, now);
  const bounds = localDayBounds(store.timeZone, date);
  const sql = todaySql(
    localHourSql('e.occurred_at', offsetSegments(store.timeZone, bounds.start, bounds.end)),
  );
  const params = { start: bounds.start, end: bounds.end };

  const totals = db.prepare(sql.totals).get(params) as SalesTotals;
  const hours = new Map(
    (db.prepare(sql.byHour).all(params) as HourFigure[]).map((h) => [h.hour, h] as const),
  );
  const byHour: HourFigure[] = Array.from(
    { length: 24 },
    (_, hour) => hours.get(hour) ?? { hour, netSales: 0, orders: 0, units: 0 },
  );
  const products = db.prepare(sql.byProduct).all(params) as ProductRow[];
  const topProducts = topN(
    products,
    topCount,
    (p) => p.netSales,
    (p) => p.productId,
  ).map(({ rank, item }) => ({
    rank,
    ...item,
  }));
  return {
    day: formatDay(date),
    currency: store.currency,
    locale: store.locale,
    timeZone: store.timeZone,
    asOf: now,
    totals: salesKpis(totals),
    byHour,
    topProducts,
    byCategory: db.prepare(sql.byCategory).all(params) as CategoryFigure[],
    byCashier: db.prepare(sql.byCashier).all(params) as CashierFigure[],
  };
};
