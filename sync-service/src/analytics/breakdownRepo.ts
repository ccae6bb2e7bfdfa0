// Sales split by one dimension over a day range, from the rollup that has that dimension. Category
// is the category each line was sold as (its snapshot), as on the till, not the product's current
// one. Cashiers are a store's: in the chain scope each store's cashier is its own row.
import type { BreakdownDimension, BreakdownRow } from '../../../shared/sync/analyticsApi';
import type { SqlClient } from '../warehouse/sqlClient';
import { toInt } from '../warehouse/sqlClient';

const RANGE = `r.day BETWEEN $2::date AND $3::date AND ($1::text IS NULL OR r.store_id = $1)`;
const COUNTS = 'sum(r.net) net, sum(r.orders) orders, sum(r.returns) returns, sum(r.units) units';

const QUERIES: Record<BreakdownDimension, string> = {
  category: `SELECT r.category AS key, r.category AS label, sum(r.net) net,
      NULL::bigint orders, NULL::bigint returns, sum(r.units) units
    FROM rollup_day_store_category r WHERE ${RANGE} GROUP BY 1, 2`,
  store: `SELECT r.store_id AS key, coalesce(s.name, r.store_id) AS label, ${COUNTS}
    FROM rollup_day_store r LEFT JOIN stores s ON s.store_id = r.store_id WHERE ${RANGE} GROUP BY 1, 2`,
  region: `SELECT coalesce(nullif(s.region, ''), 'Unknown') AS key, coalesce(nullif(s.region, ''), 'Unknown') AS label, ${COUNTS}
    FROM rollup_day_store r LEFT JOIN stores s ON s.store_id = r.store_id WHERE ${RANGE} GROUP BY 1, 2`,
  till: `SELECT r.till_id AS key, coalesce(nullif(t.name, ''), r.till_id) AS label, ${COUNTS}
    FROM rollup_day_till r LEFT JOIN tills t ON t.till_id = r.till_id WHERE ${RANGE} GROUP BY 1, 2`,
  cashier: `SELECT CASE WHEN $1::text IS NULL THEN r.store_id || '/' ELSE '' END || r.cashier_id AS key,
      coalesce(c.name, r.cashier_id) AS label, ${COUNTS}
    FROM rollup_day_cashier r LEFT JOIN cashiers c ON c.store_id = r.store_id AND c.cashier_id = r.cashier_id
    WHERE ${RANGE} GROUP BY 1, 2`,
  hour: `SELECT lpad(r.hour::text, 2, '0') AS key, lpad(r.hour::text, 2, '0') || ':00' AS label, ${COUNTS}
    FROM rollup_hour_store r WHERE ${RANGE} GROUP BY 1, 2`,
};

export const breakdown = async (
  db: SqlClient,
  by: BreakdownDimension,
  storeId: string | null,
  from: string,
  to: string,
): Promise<BreakdownRow[]> => {
  const result = await db.query(
    `${QUERIES[by]} ORDER BY ${by === 'hour' ? 'key' : 'net DESC, key'}`,
    [storeId, from, to],
  );
  return result.rows.map((r: Record<string, unknown>) => ({
    key: String(r.key),
    label: String(r.label),
    netSales: toInt(r.net),
    orders: r.orders === null ? null : toInt(r.orders),
    returns: r.returns === null ? null : toInt(r.returns),
    units: toInt(r.units),
  }));
};
