-- Warehouse: idempotency ledger, dead letters and the product/date dimensions. Stores and tills
-- (0001_stores_and_tills.sql) are the store and till dimensions; facts join to them by store_id /
-- till_id.

-- One row per applied event: the consumer's idempotency key. Facts and rollups are written only
-- for the events this table newly accepted, in the same transaction.
CREATE TABLE events (
  event_id uuid PRIMARY KEY,
  store_id text NOT NULL,
  till_id text NOT NULL,
  seq bigint NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  kafka_partition integer NOT NULL,
  kafka_offset bigint NOT NULL
);
CREATE INDEX events_store_till_seq ON events (store_id, till_id, seq);

-- Messages the consumer could not apply, with why. Unique per Kafka position so a redelivered
-- poison message is recorded once.
CREATE TABLE dead_letters (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  kafka_partition integer NOT NULL,
  kafka_offset bigint NOT NULL,
  event_id text,
  store_id text,
  reason_code text NOT NULL,
  reason text NOT NULL,
  raw_value text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (topic, kafka_partition, kafka_offset)
);

-- Calendar dimension, prefilled: reporting joins or groups by these without date arithmetic.
CREATE TABLE dates (
  day date PRIMARY KEY,
  year integer NOT NULL,
  quarter integer NOT NULL,
  month integer NOT NULL,
  month_start date NOT NULL,
  year_month text NOT NULL,
  iso_weekday integer NOT NULL,
  weekday_name text NOT NULL
);
INSERT INTO dates
SELECT d::date, extract(year FROM d)::int, extract(quarter FROM d)::int, extract(month FROM d)::int,
       date_trunc('month', d)::date, to_char(d, 'YYYY-MM'), extract(isodow FROM d)::int, trim(to_char(d, 'Day'))
FROM generate_series('2000-01-01'::date, '2100-12-31'::date, interval '1 day') AS d;

-- Product as last sold or edited (chain-wide product ids; the catalog is HQ-owned). Sale line
-- facts keep their own as-sold snapshot too.
CREATE TABLE products (
  product_id text PRIMARY KEY,
  sku text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  sub_category text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per-store stock parameters from catalog_change events (refill rule inputs).
CREATE TABLE store_products (
  store_id text NOT NULL,
  product_id text NOT NULL,
  unit_price bigint NOT NULL,
  reorder_level integer NOT NULL,
  lead_time_days integer NOT NULL,
  active boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (store_id, product_id)
);
