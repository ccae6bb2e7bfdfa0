-- Rollups, maintained by the consumer in the applying transaction from newly inserted facts only.
-- Day grain is the base; the month × store × product table serves month and year queries over
-- whole months without scanning days. Money in bigint minor units.

CREATE TABLE rollup_day_store_product (
  day date NOT NULL,
  store_id text NOT NULL,
  product_id text NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  units bigint NOT NULL,
  lines bigint NOT NULL,
  PRIMARY KEY (day, store_id, product_id)
);
CREATE INDEX rollup_dsp_store_day ON rollup_day_store_product (store_id, day);

CREATE TABLE rollup_month_store_product (
  month date NOT NULL,
  store_id text NOT NULL,
  product_id text NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  units bigint NOT NULL,
  lines bigint NOT NULL,
  PRIMARY KEY (month, store_id, product_id)
);
CREATE INDEX rollup_msp_store_month ON rollup_month_store_product (store_id, month);

-- Orders/returns are counts of events, so they live at store grain (an event is wholly in one day).
CREATE TABLE rollup_day_store (
  day date NOT NULL,
  store_id text NOT NULL,
  orders bigint NOT NULL,
  returns bigint NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  units bigint NOT NULL,
  lines bigint NOT NULL,
  PRIMARY KEY (store_id, day)
);
CREATE INDEX rollup_ds_day ON rollup_day_store (day);

CREATE TABLE rollup_hour_store (
  day date NOT NULL,
  store_id text NOT NULL,
  hour smallint NOT NULL,
  orders bigint NOT NULL,
  returns bigint NOT NULL,
  net bigint NOT NULL,
  units bigint NOT NULL,
  PRIMARY KEY (store_id, day, hour)
);

CREATE TABLE rollup_day_till (
  day date NOT NULL,
  store_id text NOT NULL,
  till_id text NOT NULL,
  orders bigint NOT NULL,
  returns bigint NOT NULL,
  net bigint NOT NULL,
  units bigint NOT NULL,
  PRIMARY KEY (store_id, day, till_id)
);

CREATE TABLE rollup_day_cashier (
  day date NOT NULL,
  store_id text NOT NULL,
  cashier_id text NOT NULL,
  orders bigint NOT NULL,
  returns bigint NOT NULL,
  net bigint NOT NULL,
  units bigint NOT NULL,
  PRIMARY KEY (store_id, day, cashier_id)
);

CREATE TABLE cashiers (
  cashier_id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE stock_on_hand (
  store_id text NOT NULL,
  product_id text NOT NULL,
  on_hand bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, product_id)
);

-- Per store: bumped in every transaction that changes the store's figures; drives ETags and the
-- live stream. as_of = latest occurred_at applied, applied_at = when.
CREATE TABLE store_analytics_state (
  store_id text PRIMARY KEY,
  version bigint NOT NULL,
  as_of timestamptz NOT NULL,
  applied_at timestamptz NOT NULL,
  events_applied bigint NOT NULL
);
