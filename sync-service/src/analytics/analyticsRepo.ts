// SQL for the analytics API. Figures come from the rollups; `source: 'facts'` runs the same
// question on the raw fact table (the benchmark's baseline, and a cross-check in tests).
// `storeId` null means the whole chain.
import type { SalesTotals } from '../../../shared/kpi';
import type { TopProductRow } from '../../../shared/sync/analyticsApi';
import type { SqlClient } from '../warehouse/sqlClient';
import { toInt } from '../warehouse/sqlClient';
import { productLabelJoin } from './productLabels';
import { isMonthEnd } from '../../../shared/calendar';

export type FigureSource = 'rollups' | 'facts';

export interface ScopeState {
  version: number;
  /** HQ's catalog version: product labels in figures come from it, so it is part of the ETag. */
  catalogVersion: number;
  asOf: number | null;
  appliedAt: number | null;
  currency: string | null;
}

export const readScopeState = async (
  db: SqlClient,
  storeId: string | null,
): Promise<ScopeState> => {
  const state = await db.query<{ v: string; as_of: string | null; applied_at: string | null }>(
    `SELECT coalesce(sum(version), 0)::text AS v,
       (extract(epoch FROM max(as_of)) * 1000)::bigint::text AS as_of,
       (extract(epoch FROM max(applied_at)) * 1000)::bigint::text AS applied_at
     FROM store_analytics_state WHERE ($1::text IS NULL OR store_id = $1)`,
    [storeId],
  );
  const currencies = await db.query<{ currency: string }>(
    'SELECT DISTINCT currency FROM stores WHERE ($1::text IS NULL OR store_id = $1)',
    [storeId],
  );
  const catalog = await db.query<{ version: string }>('SELECT version::text FROM catalog_state');
  const row = state.rows[0];
  return {
    version: toInt(row?.v),
    catalogVersion: toInt(catalog.rows[0]?.version),
    asOf: row?.as_of ? Number(row.as_of) : null,
    appliedAt: row?.applied_at ? Number(row.applied_at) : null,
    currency: currencies.rows.length === 1 ? (currencies.rows[0]?.currency ?? null) : null,
  };
};

export interface DayTotals extends SalesTotals {
  day: string;
}

const totalsOf = (r: Record<string, unknown>): SalesTotals => ({
  netSales: toInt(r.net),
  orders: toInt(r.orders),
  returns: toInt(r.returns),
  units: toInt(r.units),
  tax: toInt(r.tax),
  discount: toInt(r.discount),
  gross: toInt(r.gross),
});

/** Sales figures per local day in [from, to] for the scope. */
export const dailyTotals = async (
  db: SqlClient,
  storeId: string | null,
  from: string,
  to: string,
  source: FigureSource = 'rollups',
): Promise<DayTotals[]> => {
  const sql =
    source === 'rollups'
      ? `SELECT day::text AS day, sum(orders) orders, sum(returns) returns, sum(net) net, sum(gross) gross,
         sum(discount) discount, sum(tax) tax, sum(units) units
       FROM rollup_day_store WHERE day BETWEEN $2::date AND $3::date AND ($1::text IS NULL OR store_id = $1)
       GROUP BY day ORDER BY day`
      : `SELECT local_day::text AS day, count(DISTINCT event_id) FILTER (WHERE NOT is_return) orders,
         count(DISTINCT event_id) FILTER (WHERE is_return) returns, sum(net) net, sum(gross) gross,
         sum(discount) discount, sum(tax) tax, sum(quantity) units
       FROM sale_lines WHERE local_day BETWEEN $2::date AND $3::date AND ($1::text IS NULL OR store_id = $1)
       GROUP BY local_day ORDER BY local_day`;
  const result = await db.query(sql, [storeId, from, to]);
  return result.rows.map((r: Record<string, unknown>) => ({ day: String(r.day), ...totalsOf(r) }));
};

/** A product's figures for one month: the top-products row before it is ranked. */
export interface ProductMonthFigures extends Omit<TopProductRow, 'rank'> {
  month: string;
}

const isMonthStart = (day: string): boolean => day.endsWith('-01');

const PRODUCT_COLUMNS = `to_char(f.month, 'YYYY-MM') AS month, f.product_id, coalesce(p.sku, f.product_id) sku,
  coalesce(p.name, f.product_id) name, coalesce(p.category, '') category, f.net, f.units`;

const PRODUCT_LABEL = productLabelJoin('f.product_id', '$1');

// Whole months, whole chain, top candidates: per month, the first N by net sales and the first N by
// units straight off the chain-wide rollup's ranking indexes (a few rows read per month).
const CHAIN_MONTH_CANDIDATES = `
WITH f AS (
  SELECT DISTINCT t.month, t.product_id, t.net, t.units
  FROM generate_series($2::date, $3::date, interval '1 month') AS m(month),
  LATERAL (
    (SELECT month, product_id, net, units FROM rollup_month_product r WHERE r.month = m.month::date
     ORDER BY r.net DESC, r.product_id COLLATE "C" LIMIT $4)
    UNION ALL
    (SELECT month, product_id, net, units FROM rollup_month_product r WHERE r.month = m.month::date
     ORDER BY r.units DESC, r.product_id COLLATE "C" LIMIT $4)
  ) t
  WHERE $1::text IS NULL)
SELECT ${PRODUCT_COLUMNS}
FROM f ${PRODUCT_LABEL}
ORDER BY 1, f.product_id COLLATE "C"`;

/**
 * Net sales and units per month × product. Whole-month ranges read the month rollups (the
 * chain-wide one for the whole chain). With `candidates`, only each month's first `candidates`
 * products by net sales or by units are returned, ordered exactly as shared/kpi topN orders them
 * (value, then id in code-point order, which is COLLATE "C"), so the final ranking in TypeScript
 * sees every product it could pick.
 */
export const productMonthFigures = async (
  db: SqlClient,
  storeId: string | null,
  from: string,
  to: string,
  source: FigureSource = 'rollups',
  candidates: number | null = null,
): Promise<ProductMonthFigures[]> => {
  const wholeMonths = isMonthStart(from) && isMonthEnd(to);
  const inner =
    source === 'facts'
      ? `SELECT date_trunc('month', local_day)::date AS month, product_id, sum(net) net, sum(quantity) units
       FROM sale_lines WHERE local_day BETWEEN $2::date AND $3::date AND ($1::text IS NULL OR store_id = $1) GROUP BY 1, 2`
      : wholeMonths && storeId === null
        ? `SELECT month, product_id, net, units FROM rollup_month_product
         WHERE month BETWEEN $2::date AND $3::date AND $1::text IS NULL`
        : wholeMonths
          ? `SELECT month, product_id, sum(net) net, sum(units) units FROM rollup_month_store_product
         WHERE month BETWEEN $2::date AND $3::date AND ($1::text IS NULL OR store_id = $1) GROUP BY 1, 2`
          : `SELECT date_trunc('month', day)::date AS month, product_id, sum(net) net, sum(units) units
         FROM rollup_day_store_product WHERE day BETWEEN $2::date AND $3::date AND ($1::text IS NULL OR store_id = $1)
         GROUP BY 1, 2`;
  const sql =
    source === 'rollups' && wholeMonths && storeId === null && candidates !== null
      ? CHAIN_MONTH_CANDIDATES
      : `WITH ranked AS (
       SELECT f.*,
         row_number() OVER (PARTITION BY f.month ORDER BY f.net DESC, f.product_id COLLATE "C") AS by_net,
         row_number() OVER (PARTITION BY f.month ORDER BY f.units DESC, f.product_id COLLATE "C") AS by_units
       FROM (${inner}) f)
     SELECT ${PRODUCT_COLUMNS}
     FROM ranked f ${PRODUCT_LABEL}
     WHERE $4::int IS NULL OR f.by_net <= $4 OR f.by_units <= $4
     ORDER BY 1, f.product_id COLLATE "C"`;
  const result = await db.query(sql, [storeId, from, to, candidates]);
  return result.rows.map((r: Record<string, unknown>) => ({
    month: String(r.month),
    productId: String(r.product_id),
    sku: String(r.sku),
    name: String(r.name),
    category: String(r.category),
    netSales: toInt(r.net),
    units: toInt(r.units),
  }));
};
