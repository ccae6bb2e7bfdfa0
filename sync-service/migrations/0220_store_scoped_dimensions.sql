-- Store-scoped dimensions (issue 11). Until now the warehouse kept one chain-wide `products` table
-- that any till's sale or catalog_change overwrote (newest client clock won), and keyed shifts and
-- cashiers by ids a till chooses. A till could relabel a chain product for every store, or
-- overwrite another store's shift or cashier name. From here on:
--   * chain products are HQ's catalog only (view chain_products over catalog_products);
--   * a till's own products live per store (store_local_products), latest edit in applied order;
--   * category figures are grouped by the category a line was sold as (rollup_day_store_category);
--   * shifts and cashiers are keyed by (store_id, id).

-- Chain products: what HQ's catalog (the console) published, nothing else.
CREATE VIEW chain_products AS
SELECT product_id, snapshot->>'sku' AS sku, snapshot->>'name' AS name,
  coalesce(snapshot->>'category', '') AS category, coalesce(snapshot->>'subCategory', '') AS sub_category
FROM catalog_products;

-- A store's own products (ids not in HQ's catalog): the owner's last edit (catalog_change) in
-- applied order (the consumer applies a store's events in Kafka order), or, for a product never
-- edited, the first sale that named it; the till's occurredAt is never compared. changed_at is
-- when the warehouse applied it (server clock).
CREATE TABLE store_local_products (
  store_id text NOT NULL,
  product_id text NOT NULL,
  sku text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  sub_category text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, product_id)
);
CREATE INDEX store_local_products_product ON store_local_products (product_id);

-- Upgrade: each store's products it sold that HQ's catalog does not define, labelled as its latest
-- applied sale line (ledger order); products only in its stock or stock parameters take the old
-- chain-wide row, the best label there is for them.
INSERT INTO store_local_products (store_id, product_id, sku, name, category, sub_category)
SELECT DISTINCT ON (l.store_id, l.product_id) l.store_id, l.product_id, l.sku, l.name, l.category, l.sub_category
FROM sale_lines l
LEFT JOIN events e ON e.event_id = l.event_id
WHERE NOT EXISTS (SELECT 1 FROM catalog_products c WHERE c.product_id = l.product_id)
ORDER BY l.store_id, l.product_id, e.applied_at DESC NULLS LAST, e.kafka_offset DESC NULLS LAST, l.line_no DESC;

INSERT INTO store_local_products (store_id, product_id, sku, name, category, sub_category)
SELECT k.store_id, k.product_id, p.sku, p.name, p.category, p.sub_category
FROM (SELECT store_id, product_id FROM store_products UNION SELECT store_id, product_id FROM stock_on_hand) k
JOIN products p ON p.product_id = k.product_id
WHERE NOT EXISTS (SELECT 1 FROM catalog_products c WHERE c.product_id = k.product_id)
ON CONFLICT (store_id, product_id) DO NOTHING;

DROP TABLE products;

-- store_products (a store's stock parameters) is unchanged in shape; the consumer now keeps the
-- change applied last (Kafka order) instead of the one with the later till clock. changed_at is
-- that change's occurredAt, for people to read only.
COMMENT ON COLUMN store_products.changed_at IS
  'occurredAt of the change applied last (the till''s clock, informational: applied order wins)';

-- Sales per day × store × category as sold (the sale line's snapshot), so HQ's category figures
-- agree with the till's, which also group by the sold-as category, whatever was renamed since.
CREATE TABLE rollup_day_store_category (
  day date NOT NULL,
  store_id text NOT NULL,
  category text NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  units bigint NOT NULL,
  lines bigint NOT NULL,
  PRIMARY KEY (day, store_id, category)
);
CREATE INDEX rollup_dsc_store_day ON rollup_day_store_category (store_id, day);

INSERT INTO rollup_day_store_category (day, store_id, category, net, gross, discount, tax, units, lines)
SELECT local_day, store_id, category, sum(net), sum(gross), sum(discount), sum(tax), sum(quantity), count(*)
FROM sale_lines GROUP BY 1, 2, 3;

-- Shifts by store: a shift id leaked from another store now names a different row.
ALTER TABLE shifts DROP CONSTRAINT shifts_pkey;
ALTER TABLE shifts ADD PRIMARY KEY (store_id, shift_id);

-- Cashiers by store. Upgrade: each store gets the name known for each cashier it has sales of.
CREATE TABLE store_cashiers (
  store_id text NOT NULL,
  cashier_id text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (store_id, cashier_id)
);
INSERT INTO store_cashiers (store_id, cashier_id, name)
SELECT DISTINCT r.store_id, r.cashier_id, c.name
FROM rollup_day_cashier r JOIN cashiers c ON c.cashier_id = r.cashier_id;
DROP TABLE cashiers;
ALTER TABLE store_cashiers RENAME TO cashiers;
ALTER INDEX store_cashiers_pkey RENAME TO cashiers_pkey;
