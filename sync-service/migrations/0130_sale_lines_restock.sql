-- Stock moves implied by sales and returns are not stored twice: the sale line is that move
-- (sale: −quantity; return: +|quantity| when restocked). stock_moves keeps the explicit moves
-- (receipts, adjustments, opening, counts); stock_movements is every move, for history and audits.
ALTER TABLE sale_lines ADD COLUMN restocked boolean NOT NULL DEFAULT false;

CREATE VIEW stock_movements AS
SELECT event_id, move_no, local_day, moved_at, store_id, product_id, sku, reason, quantity
FROM stock_moves
UNION ALL
SELECT event_id, line_no, local_day, sold_at, store_id, product_id, sku,
  CASE WHEN is_return THEN 'return' ELSE 'sale' END, -quantity
FROM sale_lines
WHERE NOT is_return OR restocked;
