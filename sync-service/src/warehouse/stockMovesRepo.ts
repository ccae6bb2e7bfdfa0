// Stock moves and the on-hand rollup, folded from the rows this statement inserted.
import type { StockMoveColumns } from './factRows';
import type { SqlClient } from './sqlClient';
import { foldIntoStockOnHand } from './stockOnHandFold';

const INSERT_MOVES_WITH_ON_HAND = `
WITH ins AS (
  INSERT INTO stock_moves (event_id, move_no, local_day, moved_at, store_id, product_id, sku, reason, quantity, unit_cost)
  SELECT u.event_id, u.move_no,
    (to_timestamp(u.occurred_ms / 1000.0) AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date,
    to_timestamp(u.occurred_ms / 1000.0), u.store_id, u.product_id, u.sku, u.reason, u.quantity, u.unit_cost
  FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::bigint[])
    AS u(event_id, move_no, occurred_ms, store_id, product_id, sku, reason, quantity, unit_cost)
  LEFT JOIN stores s ON s.store_id = u.store_id
  ON CONFLICT DO NOTHING
  RETURNING store_id, product_id, quantity
), soh AS (
  ${foldIntoStockOnHand('ins', 'quantity')}
)
SELECT count(*)::int AS inserted FROM ins`;

export const insertStockMovesWithOnHand = async (
  db: SqlClient,
  c: StockMoveColumns,
): Promise<number> => {
  if (c.eventId.length === 0) return 0;
  const result = await db.query<{ inserted: number }>(INSERT_MOVES_WITH_ON_HAND, [
    c.eventId,
    c.moveNo,
    c.occurredMs,
    c.storeId,
    c.productId,
    c.sku,
    c.reason,
    c.quantity,
    c.unitCost,
  ]);
  return result.rows[0]?.inserted ?? 0;
};
