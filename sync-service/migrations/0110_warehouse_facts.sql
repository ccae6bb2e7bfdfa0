-- Fact tables, partitioned by month of the store-local day (the reporting calendar) so month and
-- year queries prune partitions. warehouse_ensure_month() creates a month's partitions on demand;
-- the default partitions are a safety net that the function drains when it creates a month.

CREATE TABLE sale_lines (
  event_id uuid NOT NULL,
  line_no integer NOT NULL,
  local_day date NOT NULL,
  local_hour smallint NOT NULL,
  sold_at timestamptz NOT NULL,
  store_id text NOT NULL,
  till_id text NOT NULL,
  cashier_id text NOT NULL,
  is_return boolean NOT NULL,
  original_event_id uuid,
  original_line_no integer,
  product_id text NOT NULL,
  sku text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  sub_category text NOT NULL,
  quantity integer NOT NULL,
  unit_price bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  net bigint NOT NULL,
  PRIMARY KEY (event_id, line_no, local_day)
) PARTITION BY RANGE (local_day);
CREATE TABLE sale_lines_default PARTITION OF sale_lines DEFAULT;
CREATE INDEX sale_lines_store_day ON sale_lines (store_id, local_day);
CREATE INDEX sale_lines_day ON sale_lines (local_day);
CREATE INDEX sale_lines_original ON sale_lines (original_event_id) WHERE original_event_id IS NOT NULL;

CREATE TABLE payments (
  event_id uuid NOT NULL,
  payment_no integer NOT NULL,
  local_day date NOT NULL,
  paid_at timestamptz NOT NULL,
  store_id text NOT NULL,
  till_id text NOT NULL,
  is_refund boolean NOT NULL,
  tender text NOT NULL,
  amount bigint NOT NULL,
  PRIMARY KEY (event_id, payment_no, local_day)
) PARTITION BY RANGE (local_day);
CREATE TABLE payments_default PARTITION OF payments DEFAULT;
CREATE INDEX payments_store_day ON payments (store_id, local_day);

-- Explicit changes of stock: receipts/adjustments/opening/count from stock_move events. The moves
-- implied by sales and restocked returns are their sale lines (see 0130, view stock_movements).
CREATE TABLE stock_moves (
  event_id uuid NOT NULL,
  move_no integer NOT NULL,
  local_day date NOT NULL,
  moved_at timestamptz NOT NULL,
  store_id text NOT NULL,
  product_id text NOT NULL,
  sku text NOT NULL,
  reason text NOT NULL,
  quantity integer NOT NULL,
  unit_cost bigint,
  PRIMARY KEY (event_id, move_no, local_day)
) PARTITION BY RANGE (local_day);
CREATE TABLE stock_moves_default PARTITION OF stock_moves DEFAULT;
CREATE INDEX stock_moves_store_product ON stock_moves (store_id, product_id);

-- Shifts are few: one row per shift, filled by shift_open then completed by shift_close.
CREATE TABLE shifts (
  shift_id uuid PRIMARY KEY,
  store_id text NOT NULL,
  till_id text NOT NULL,
  cashier_id text NOT NULL,
  opened_at timestamptz,
  closed_at timestamptz,
  opening_float bigint,
  sales_count integer,
  returns_count integer,
  net_sales bigint,
  expected_cash bigint,
  counted_cash bigint,
  variance bigint
);
CREATE INDEX shifts_store_opened ON shifts (store_id, opened_at);

CREATE TABLE cash_movements (
  event_id uuid PRIMARY KEY,
  shift_id uuid NOT NULL,
  store_id text NOT NULL,
  till_id text NOT NULL,
  moved_at timestamptz NOT NULL,
  amount bigint NOT NULL,
  reason text NOT NULL
);

CREATE FUNCTION warehouse_ensure_month(p_month date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  part text;
  lo date := date_trunc('month', p_month)::date;
  hi date := (date_trunc('month', p_month) + interval '1 month')::date;
BEGIN
  -- Serialises concurrent consumers creating the same month.
  PERFORM pg_advisory_xact_lock(hashtext('warehouse_ensure_month'));
  FOREACH t IN ARRAY ARRAY['sale_lines', 'payments', 'stock_moves'] LOOP
    part := format('%s_%s', t, to_char(lo, 'YYYYMM'));
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, t);
      EXECUTE format(
        'WITH moved AS (DELETE FROM %I WHERE local_day >= %L AND local_day < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
        t || '_default', lo, hi, part);
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', t, part, lo, hi);
    END IF;
  END LOOP;
END $$;
