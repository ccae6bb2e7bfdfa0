// Sale and return lines: one statement inserts the new lines (local day/hour from the store's time
// zone, UTC when the store is unknown) and folds exactly the rows it inserted into every per-store
// sales rollup and into stock on hand, through data-modifying CTEs on its RETURNING. One round
// trip per sub-batch. It answers with the new lines' month × product sums, which the caller folds
// into the chain-wide rollup just before commit (monthProductRollupRepo.ts).
import type { SaleLineColumns } from './factRows';
import type { MonthProductSums } from './monthProductRollupRepo';
import type { SqlClient } from './sqlClient';

const additive = (table: string, cols: readonly string[]): string =>
  cols.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

const INSERT_LINES_WITH_ROLLUPS = `
WITH input AS (
  SELECT u.*, to_timestamp(u.occurred_ms / 1000.0) AS sold_at,
         to_timestamp(u.occurred_ms / 1000.0) AT TIME ZONE coalesce(s.time_zone, 'UTC') AS local_ts
  FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::bool[],
              $8::uuid[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
              $15::int[], $16::bigint[], $17::bigint[], $18::bigint[], $19::bigint[], $20::bigint[], $21::bool[])
       AS u(event_id, line_no, occurred_ms, store_id, till_id, cashier_id, is_return, original_event_id,
            original_line_no, product_id, sku, name, category, sub_category, quantity, unit_price,
            gross, discount, tax, net, restocked)
  LEFT JOIN stores s ON s.store_id = u.store_id
), ins AS (
  INSERT INTO sale_lines (event_id, line_no, local_day, local_hour, sold_at, store_id, till_id, cashier_id,
    is_return, original_event_id, original_line_no, product_id, sku, name, category, sub_category,
    quantity, unit_price, gross, discount, tax, net, restocked)
  SELECT event_id, line_no, local_ts::date, extract(hour FROM local_ts)::smallint, sold_at, store_id, till_id,
    cashier_id, is_return, original_event_id, original_line_no, product_id, sku, name, category, sub_category,
    quantity, unit_price, gross, discount, tax, net, restocked
  FROM input
  ON CONFLICT DO NOTHING
  RETURNING event_id, local_day, local_hour, store_id, till_id, cashier_id, is_return, restocked, product_id,
    quantity, gross, discount, tax, net
), soh AS (
  -- The line is the stock move: a sale takes goods off the shelf, a restocked return puts them back.
  INSERT INTO stock_on_hand AS r (store_id, product_id, on_hand, updated_at)
  SELECT store_id, product_id, -sum(quantity), now() FROM ins WHERE NOT is_return OR restocked
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (store_id, product_id) DO UPDATE SET on_hand = r.on_hand + EXCLUDED.on_hand, updated_at = now()
), dsp AS (
  INSERT INTO rollup_day_store_product AS r (day, store_id, product_id, net, gross, discount, tax, units, lines)
  SELECT local_day, store_id, product_id, sum(net), sum(gross), sum(discount), sum(tax), sum(quantity), count(*)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (day, store_id, product_id) DO UPDATE SET ${additive('r', ['net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), msp AS (
  INSERT INTO rollup_month_store_product AS r (month, store_id, product_id, net, gross, discount, tax, units, lines)
  SELECT date_trunc('month', local_day)::date, store_id, product_id, sum(net), sum(gross), sum(discount), sum(tax),
    sum(quantity), count(*)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (month, store_id, product_id) DO UPDATE SET ${additive('r', ['net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), ds AS (
  INSERT INTO rollup_day_store AS r (day, store_id, orders, returns, net, gross, discount, tax, units, lines)
  SELECT local_day, store_id, count(DISTINCT event_id) FILTER (WHERE NOT is_return),
    count(DISTINCT event_id) FILTER (WHERE is_return), sum(net), sum(gross), sum(discount), sum(tax), sum(quantity), count(*)
  FROM ins GROUP BY 1, 2 ORDER BY 2, 1
  ON CONFLICT (store_id, day) DO UPDATE SET ${additive('r', ['orders', 'returns', 'net', 'gross', 'discount', 'tax', 'units', 'lines'])}
), hs AS (
  INSERT INTO rollup_hour_store AS r (day, store_id, hour, orders, returns, net, units)
  SELECT local_day, store_id, local_hour, count(DISTINCT event_id) FILTER (WHERE NOT is_return),
    count(DISTINCT event_id) FILTER (WHERE is_return), sum(net), sum(quantity)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (store_id, day, hour) DO UPDATE SET ${additive('r', ['orders', 'returns', 'net', 'units'])}
), dt AS (
  INSERT INTO rollup_day_till AS r (day, store_id, till_id, orders, returns, net, units)
  SELECT local_day, store_id, till_id, count(DISTINCT event_id) FILTER (WHERE NOT is_return),
    count(DISTINCT event_id) FILTER (WHERE is_return), sum(net), sum(quantity)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (store_id, day, till_id) DO UPDATE SET ${additive('r', ['orders', 'returns', 'net', 'units'])}
), dc AS (
  INSERT INTO rollup_day_cashier AS r (day, store_id, cashier_id, orders, returns, net, units)
  SELECT local_day, store_id, cashier_id, count(DISTINCT event_id) FILTER (WHERE NOT is_return),
    count(DISTINCT event_id) FILTER (WHERE is_return), sum(net), sum(quantity)
  FROM ins GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (store_id, day, cashier_id) DO UPDATE SET ${additive('r', ['orders', 'returns', 'net', 'units'])}
)
SELECT date_trunc('month', local_day)::date::text AS month, product_id, sum(net)::text AS net,
  sum(gross)::text AS gross, sum(discount)::text AS discount, sum(tax)::text AS tax,
  sum(quantity)::text AS units, count(*)::int AS lines
FROM ins GROUP BY 1, 2`;

export interface NewSaleLines {
  /** How many lines were new. */
  inserted: number;
  /** The new lines summed per month × product. */
  monthProducts: MonthProductSums[];
}

export const insertSaleLinesWithRollups = async (
  db: SqlClient,
  c: SaleLineColumns,
): Promise<NewSaleLines> => {
  if (c.eventId.length === 0) return { inserted: 0, monthProducts: [] };
  const result = await db.query<MonthProductSums>(INSERT_LINES_WITH_ROLLUPS, [
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
  return {
    inserted: result.rows.reduce((n, r) => n + r.lines, 0),
    monthProducts: result.rows,
  };
};
