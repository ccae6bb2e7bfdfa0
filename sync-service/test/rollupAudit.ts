// Recomputes every rollup from the fact tables and reports where they differ. The proof that
// incremental maintenance (new rows only, across crashes, replays and rebalances) is exact; used by
// the integration tests, the benchmark and the fault suite.
import type { SqlClient } from '../src/warehouse/sqlClient';
import { toInt } from '../src/warehouse/sqlClient';

const events = (cond: string): string => `count(DISTINCT event_id) FILTER (WHERE ${cond})`;

/** Each rollup table with the query that rebuilds it from facts, column for column. */
export const ROLLUP_DEFINITIONS: Record<string, string> = {
  rollup_day_store_product: `SELECT local_day, store_id, product_id, sum(net), sum(gross), sum(discount), sum(tax),
    sum(quantity), count(*) FROM sale_lines GROUP BY 1, 2, 3`,
  rollup_month_store_product: `SELECT date_trunc('month', local_day)::date, store_id, product_id, sum(net), sum(gross),
    sum(discount), sum(tax), sum(quantity), count(*) FROM sale_lines GROUP BY 1, 2, 3`,
  rollup_month_product: `SELECT date_trunc('month', local_day)::date, product_id, sum(net), sum(gross), sum(discount),
    sum(tax), sum(quantity), count(*) FROM sale_lines GROUP BY 1, 2`,
  rollup_day_store_category: `SELECT local_day, store_id, category, sum(net), sum(gross), sum(discount), sum(tax),
    sum(quantity), count(*) FROM sale_lines GROUP BY 1, 2, 3`,
  rollup_day_store: `SELECT local_day, store_id, ${events('NOT is_return')}, ${events('is_return')}, sum(net), sum(gross),
    sum(discount), sum(tax), sum(quantity), count(*) FROM sale_lines GROUP BY 1, 2`,
  rollup_hour_store: `SELECT local_day, store_id, local_hour, ${events('NOT is_return')}, ${events('is_return')}, sum(net),
    sum(quantity) FROM sale_lines GROUP BY 1, 2, 3`,
  rollup_day_till: `SELECT local_day, store_id, till_id, ${events('NOT is_return')}, ${events('is_return')}, sum(net),
    sum(quantity) FROM sale_lines GROUP BY 1, 2, 3`,
  rollup_day_cashier: `SELECT local_day, store_id, cashier_id, ${events('NOT is_return')}, ${events('is_return')}, sum(net),
    sum(quantity) FROM sale_lines GROUP BY 1, 2, 3`,
  stock_on_hand: `SELECT store_id, product_id, sum(quantity) FROM stock_movements GROUP BY 1, 2`,
};

const ROLLUP_COLUMNS: Record<string, string> = {
  rollup_day_store_product: 'day, store_id, product_id, net, gross, discount, tax, units, lines',
  rollup_month_store_product:
    'month, store_id, product_id, net, gross, discount, tax, units, lines',
  rollup_month_product: 'month, product_id, net, gross, discount, tax, units, lines',
  rollup_day_store_category: 'day, store_id, category, net, gross, discount, tax, units, lines',
  rollup_day_store: 'day, store_id, orders, returns, net, gross, discount, tax, units, lines',
  rollup_hour_store: 'day, store_id, hour, orders, returns, net, units',
  rollup_day_till: 'day, store_id, till_id, orders, returns, net, units',
  rollup_day_cashier: 'day, store_id, cashier_id, orders, returns, net, units',
  stock_on_hand: 'store_id, product_id, on_hand',
};

/** Rows that differ per rollup table (0 everywhere = exact). */
export const auditRollups = async (db: SqlClient): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const [table, definition] of Object.entries(ROLLUP_DEFINITIONS)) {
    const columns = ROLLUP_COLUMNS[table] ?? '*';
    const result = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM (((${definition}) EXCEPT SELECT ${columns} FROM ${table})
         UNION ALL (SELECT ${columns} FROM ${table} EXCEPT (${definition}))) d`,
    );
    out[table] = toInt(result.rows[0]?.n);
  }
  return out;
};
