// Stock on hand per store × product with the refill inputs: reorder level and lead time from the
// store's catalog changes, and units sold in the 28 days ending on `at` from the day rollup. Names
// come from HQ's catalog for chain products, else from the store's own product.
import { DAYS_OF_COVER_WINDOW } from '../../../shared/kpi';
import type { StockRow } from '../../../shared/sync/analyticsApi';
import type { SqlClient } from '../warehouse/sqlClient';
import { toInt } from '../warehouse/sqlClient';

/** HQ's stock row before the refill decision is made from it. */
export type StockInputs = Omit<StockRow, 'daysOfCover' | 'needsRefill' | 'reasons'>;

const STOCK = `
WITH keys AS (
  SELECT store_id, product_id FROM stock_on_hand WHERE ($1::text IS NULL OR store_id = $1)
  UNION
  SELECT store_id, product_id FROM store_products WHERE ($1::text IS NULL OR store_id = $1) AND active
), sold AS (
  SELECT store_id, product_id, sum(units) units FROM rollup_day_store_product
  WHERE day BETWEEN $2::date - ($3::int - 1) AND $2::date AND ($1::text IS NULL OR store_id = $1)
  GROUP BY 1, 2
)
SELECT k.store_id, k.product_id, coalesce(c.sku, l.sku, k.product_id) sku,
  coalesce(c.name, l.name, k.product_id) name, coalesce(c.category, l.category, '') category, coalesce(h.on_hand, 0) on_hand, coalesce(sp.reorder_level, 0) reorder_level,
  coalesce(sp.lead_time_days, 0) lead_time_days, coalesce(s.units, 0) units
FROM keys k
LEFT JOIN stock_on_hand h ON h.store_id = k.store_id AND h.product_id = k.product_id
LEFT JOIN store_products sp ON sp.store_id = k.store_id AND sp.product_id = k.product_id
LEFT JOIN chain_products c ON c.product_id = k.product_id
LEFT JOIN store_local_products l ON l.store_id = k.store_id AND l.product_id = k.product_id
LEFT JOIN sold s ON s.store_id = k.store_id AND s.product_id = k.product_id
ORDER BY k.store_id, coalesce(c.sku, l.sku, k.product_id)`;

export const stockInputs = async (
  db: SqlClient,
  storeId: string | null,
  at: string,
): Promise<StockInputs[]> => {
  const result = await db.query(STOCK, [storeId, at, DAYS_OF_COVER_WINDOW]);
  return result.rows.map((r: Record<string, unknown>) => ({
    storeId: String(r.store_id),
    productId: String(r.product_id),
    sku: String(r.sku),
    name: String(r.name),
    category: String(r.category),
    onHand: toInt(r.on_hand),
    reorderLevel: toInt(r.reorder_level),
    leadTimeDays: toInt(r.lead_time_days),
    unitsLast28Days: toInt(r.units),
  }));
};
