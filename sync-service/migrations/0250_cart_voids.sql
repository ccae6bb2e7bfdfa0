-- Sales voided at tills before payment (cart_void events, issue 12), so HQ sees each store's
-- voids, their value and reasons: a void is where shrinkage hides. One row per event; few rows
-- (a void is rare beside a sale), so not partitioned.
CREATE TABLE cart_voids (
  event_id uuid PRIMARY KEY,
  store_id text NOT NULL,
  till_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  cart_id text NOT NULL,
  shift_id uuid,
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  approver_id text,
  reason text NOT NULL,
  currency text NOT NULL,
  line_count integer NOT NULL,
  units integer NOT NULL,
  total bigint NOT NULL
);
CREATE INDEX cart_voids_by_time ON cart_voids (occurred_at DESC, event_id);
CREATE INDEX cart_voids_by_store ON cart_voids (store_id, occurred_at DESC);
