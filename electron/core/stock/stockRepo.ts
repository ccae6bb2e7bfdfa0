// The stock ledger: every movement of goods is a row; on hand is their sum. The products.on_hand
// column is a cache of that sum, updated by recordMove in the same transaction.
import type Database from 'better-sqlite3';
import type { StockMoveRow } from '../../../shared/api/types';

export type StockReason = 'sale' | 'return' | 'receipt' | 'adjustment' | 'opening' | 'count';

export interface NewStockMove {
  productId: string;
  quantity: number;
  reason: StockReason;
  refEventId: string | null;
  unitCost: number | null;
  note: string;
  userId: string;
  occurredAt: number;
}

export interface StockListRow {
  id: string;
  sku: string;
  name: string;
  category: string;
  on_hand: number;
  reorder_level: number;
  lead_time_days: number;
}

export const stockRepo = (db: Database.Database) => {
  const insert = db.prepare(
    `INSERT INTO stock_moves (product_id, quantity, reason, ref_event_id, unit_cost, note, user_id, occurred_at)
     VALUES (@productId, @quantity, @reason, @refEventId, @unitCost, @note, @userId, @occurredAt)`,
  );
  const addOnHand = db.prepare<[number, string]>(
    'UPDATE products SET on_hand = on_hand + ? WHERE id = ?',
  );
  const moves = db.prepare<[string, number], StockMoveRow>(
    `SELECT CAST(m.id AS TEXT) AS id, m.product_id AS productId, m.quantity, m.reason, m.note,
       m.occurred_at AS occurredAt, COALESCE(u.name, m.user_id) AS userName
     FROM stock_moves m LEFT JOIN users u ON u.id = m.user_id
     WHERE m.product_id = ? ORDER BY m.occurred_at DESC, m.id DESC LIMIT ?`,
  );
  const unitsOut = db.prepare<[string, number], { units: number | null }>(
    `SELECT -sum(quantity) AS units FROM stock_moves
     WHERE product_id = ? AND occurred_at >= ? AND reason IN ('sale', 'return')`,
  );
  // INDEXED BY: without statistics (the till never runs ANALYZE) SQLite walks the whole of
  // stock_moves_by_product to save the GROUP BY's sort, i.e. every move ever made, for a window
  // of recent days; the time index reads only the window (queryPlans.test.ts).
  const unitsOutAll = db.prepare<[number], { product_id: string; units: number }>(
    `SELECT product_id, -sum(quantity) AS units FROM stock_moves INDEXED BY stock_moves_by_time
     WHERE occurred_at >= ? AND reason IN ('sale', 'return') GROUP BY product_id`,
  );
  const lastReceipt = db.prepare<[string], { at: number }>(
    `SELECT occurred_at AS at FROM stock_moves WHERE product_id = ? AND reason = 'receipt'
     ORDER BY occurred_at DESC LIMIT 1`,
  );
  const ledgerSum = db.prepare<[string], { total: number | null }>(
    'SELECT sum(quantity) AS total FROM stock_moves WHERE product_id = ?',
  );
  const allProducts = db.prepare<[], StockListRow>(
    'SELECT id, sku, name, category, on_hand, reorder_level, lead_time_days FROM products WHERE active = 1 ORDER BY name, num',
  );
  return {
    /** Ledger row + cached on-hand, always together; call inside the fact's transaction. */
    record(move: NewStockMove): void {
      insert.run(move);
      addOnHand.run(move.quantity, move.productId);
    },
    moves: (productId: string, limit: number): StockMoveRow[] => moves.all(productId, limit),
    unitsOutSince: (productId: string, since: number): number =>
      unitsOut.get(productId, since)?.units ?? 0,
    unitsOutSinceAll: (since: number): Map<string, number> =>
      new Map(unitsOutAll.all(since).map((r) => [r.product_id, r.units])),
    lastReceivedAt: (productId: string): number | null => lastReceipt.get(productId)?.at ?? null,
    ledgerOnHand: (productId: string): number => ledgerSum.get(productId)?.total ?? 0,
    iterateActive: (): IterableIterator<StockListRow> => allProducts.iterate(),
  };
};
export type StockRepo = ReturnType<typeof stockRepo>;
