// The one statement text that writes stock_on_hand. Two fact writers move stock — sale and return
// lines (saleLinesRepo.ts) and stock moves (stockMovesRepo.ts) — and each folds exactly the rows
// its INSERT … RETURNING produced, inside the same statement (a data-modifying CTE, no second
// round trip). So this table's owner hands out the CTE rather than a function that runs SQL.

/**
 * A CTE body that adds, per (store_id, product_id), `quantity` summed over `source` (a CTE of the
 * caller's with store_id, product_id and the signed quantity to add) to on_hand.
 */
export const foldIntoStockOnHand = (
  source: string,
  signedQuantity: string,
  where = 'true',
): string => `
  INSERT INTO stock_on_hand AS r (store_id, product_id, on_hand, updated_at)
  SELECT store_id, product_id, sum(${signedQuantity}), now() FROM ${source} WHERE ${where}
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (store_id, product_id) DO UPDATE SET on_hand = r.on_hand + EXCLUDED.on_hand, updated_at = now()`;
