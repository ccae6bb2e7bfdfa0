// The chain-wide month × product rollup (migration 0140). Its rows are shared by every store, so
// consumers of different partitions contend for them: the applying transaction folds the new
// lines' sums in as its last statement before commit, in key order, so locks are held briefly
// and always taken in the same order.
import type { SqlClient } from './sqlClient';

/** Sums of newly inserted sale lines for one month (YYYY-MM-01) and product; bigints as text. */
export interface MonthProductSums {
  month: string;
  product_id: string;
  net: string;
  gross: string;
  discount: string;
  tax: string;
  units: string;
  lines: number;
}

const UPSERT = `
INSERT INTO rollup_month_product AS r (month, product_id, net, gross, discount, tax, units, lines)
SELECT * FROM unnest($1::date[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],
  $7::bigint[], $8::bigint[]) AS u(month, product_id, net, gross, discount, tax, units, lines)
ORDER BY 1, 2
ON CONFLICT (month, product_id) DO UPDATE SET net = r.net + EXCLUDED.net, gross = r.gross + EXCLUDED.gross,
  discount = r.discount + EXCLUDED.discount, tax = r.tax + EXCLUDED.tax, units = r.units + EXCLUDED.units,
  lines = r.lines + EXCLUDED.lines`;

export const addToMonthProductRollup = async (
  db: SqlClient,
  rows: readonly MonthProductSums[],
): Promise<void> => {
  if (rows.length === 0) return;
  await db.query(UPSERT, [
    rows.map((r) => r.month),
    rows.map((r) => r.product_id),
    rows.map((r) => r.net),
    rows.map((r) => r.gross),
    rows.map((r) => r.discount),
    rows.map((r) => r.tax),
    rows.map((r) => r.units),
    rows.map((r) => r.lines),
  ]);
};
