// Sale and return lines: the new lines are COPYed to a staging table, then one statement inserts
// them (local day/hour from the store's time zone, UTC when the store is unknown) and folds exactly
// the rows it inserted into every per-store sales rollup and into stock on hand, through
// data-modifying CTEs on its RETURNING. It answers with the new lines' month × product sums, which the caller folds
// into the chain-wide rollup just before commit (monthProductRollupRepo.ts).
import type { SaleLineColumns } from './factRows';
import type { MonthProductSums } from './monthProductRollupRepo';
import type { PoolClient } from 'pg';
import { copyIntoStaging } from './stagingCopy';
import { foldIntoStockOnHand } from './stockOnHandFold';

const additive = (table: string, cols: readonly string[]): string =>
  cols.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

/** Orders, returns, net and units per store, day and one more key (hour, till or cashier),
 * folded from the per-event sums of the statement below. */
const perEventRollup = (table: string, keyColumn: string, keySource: string): string => `
  INSERT INTO ${table} AS r (day, store_id, ${keyColumn}, orders, returns, net, units)
  SELECT local_day, store_id, ${keySource}, count(*) FILTER (WHERE NOT is_return), count(*) FILTER (WHERE is_return),
    sum(net), sum(units)
  FROM per_event GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (store_id, day, ${keyColumn}) DO UPDATE SET ${additive('r', ['orders', 'returns', 'net', 'units'])}`;

// Orders and returns are counts of events: the lines are first summed per event (all lines of an
// event share its day, hour, till and cashier), so the per-store rollups count rows instead of
// sorting every line for count(DISTINCT event_id).
const INSERT_LINES_WITH_ROLLUPS = `
WITH input AS (
  SELECT u.*, to_timestamp(u.occurred_ms / 1000.0) AS sold_at,
         to_timestamp(u.occurred_ms / 1000.0) AT TIME ZONE coalesce(s.time_zone, 'UTC') AS local_ts
  FROM stage_sale_lines u
  LEFT JOIN stores s ON s.store_id = u.store_id
), ins AS (
  INSERT INTO sale_lines (event_id, line_no, local_day, local_hour, sold_at, store_id, till_id, cashier_id,
    is_return, original_event_id, original_line_no, product_id, sku, name, category, sub_category,
    quantity, unit_price, gross, discount, tax, net, restocked)
  SELECT event_id, line_no, local_ts::date, extract(hour FROM local_ts)::smallint, sold_at, store_id, till_id,
    cashier_id, is_return, original_event_id, original_line_no, product_id, sku, name, category, sub_category,
    quantity, unit_price, gross, discount, tax, net, restocked
  FROM input
  -- No ON CONFLICT: only lines of events the ledger just accepted are staged, and line numbers are
  -- unique per event (schema), so a conflict would be a bug to surface, not a row to skip quietly.
  RETURNING event_id, local_day, local_hour, store_id, till_id, cashier_id, is_return, restocked, product_id,
    category, quantity, gross, discount, tax, net
), soh AS (
  -- The line is the stock move: a sale takes goods off the shelf, a restocked return puts them back.
  ${foldIntoStockOnHand('ins', '-quantity', 'NOT is_return OR restocked')}
), day_product AS (
  SELECT local_day, store_id, product_id, sum(net) AS net, sum(gross) AS gross, sum(discount) AS discount,
    sum(tax) AS tax, sum(quantity) AS units, count(*) AS lines
  FROM ins GROUP BY 1, 2, 3
), dsp AS (
  INSERT INTO rollup_day_store_product AS r (day, store_id, product_id, net, gross, discount, tax, units, lines)
  SELECT * FROM day_product ORDER BY 1, 2, 3
  ON CONFLICT (day, store_id, product_id) DO UPDATE SET ${additive('r', ['net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), msp AS (
  INSERT INTO rollup_month_store_product AS r (month, store_id, product_id, net, gross, discount, tax, units, lines)
  SELECT date_trunc('month', local_day)::date, store_id, product_id, sum(net), sum(gross), sum(discount), sum(tax),
    sum(units), sum(lines)
  FROM day_product GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (month, store_id, product_id) DO UPDATE SET ${additive('r', ['net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), dcat AS (
  -- By the category the line was sold as (its snapshot), as the till's own figures group.
  INSERT INTO rollup_day_store_category AS r (day, store_id, category, net, gross, discount, tax, units, lines)
  SELECT local_day, store_id, category, sum(net), sum(gross), sum(discount), sum(tax), sum(quantity), count(*)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, store_id, category) DO UPDATE SET ${additive('r', ['net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), per_event AS (
  SELECT event_id, local_day, local_hour, store_id, till_id, cashier_id, is_return, sum(net) AS net,
    sum(gross) AS gross, sum(discount) AS discount, sum(tax) AS tax, sum(quantity) AS units, count(*) AS lines
  FROM ins GROUP BY 1, 2, 3, 4, 5, 6, 7
), ds AS (
  INSERT INTO rollup_day_store AS r (day, store_id, orders, returns, net, gross, discount, tax, units, lines)
  SELECT local_day, store_id, count(*) FILTER (WHERE NOT is_return), count(*) FILTER (WHERE is_return),
    sum(net), sum(gross), sum(discount), sum(tax), sum(units), sum(lines)
  FROM per_event GROUP BY 1, 2 ORDER BY 2, 1
  ON CONFLICT (store_id, day) DO UPDATE SET ${additive('r', ['orders', 'returns', 'net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), hs AS (${perEventRollup('rollup_hour_store', 'hour', 'local_hour')}
), dt AS (${perEventRollup('rollup_day_till', 'till_id', 'till_id')}
), dc AS (${perEventRollup('rollup_day_cashier', 'cashier_id', 'cashier_id')}
)
SELECT date_trunc('month', local_day)::date::text AS month, product_id, sum(net)::text AS net,
  sum(gross)::text AS gross, sum(discount)::text AS discount, sum(tax)::text AS tax,
  sum(units)::text AS units, sum(lines)::int AS lines
FROM day_product GROUP BY 1, 2`;

export interface NewSaleLines {
  /** How many lines were new. */
  inserted: number;
  /** The new lines summed per month × product. */
  monthProducts: MonthProductSums[];
}

/** Inside the caller's transaction, with the staging tables prepared (stagingCopy.ts). */
export const insertSaleLinesWithRollups = async (
  client: PoolClient,
  c: SaleLineColumns,
): Promise<NewSaleLines> => {
  if (c.eventId.length === 0) return { inserted: 0, monthProducts: [] };
  await copyIntoStaging(client, 'stage_sale_lines', [
    c.eventId,
    c.lineNo,
    c.occurredMs,
    c.storeId,
    c.tillId,
    c.cashierId,
    c.isReturn,
    c.originalEventId,
    c.originalLineNo,
    c.productId,
    c.sku,
    c.name,
    c.category,
    c.subCategory,
    c.quantity,
    c.unitPrice,
    c.gross,
    c.discount,
    c.tax,
    c.net,
    c.restocked,
  ]);
  const result = await client.query<MonthProductSums>(INSERT_LINES_WITH_ROLLUPS);
  return {
    inserted: result.rows.reduce((n, r) => n + r.lines, 0),
    monthProducts: result.rows,
  };
};
