-- Chain-wide month × product rollup: the year view's top products per month read it through two
-- short index scans per month (top N by net sales, top N by units) instead of summing every
-- store's month × store × product rows and ranking them all. Maintained by the consumer in the
-- applying transaction from newly inserted sale lines only, as the last rollup before commit
-- (its rows are shared by every store, so concurrent consumers hold their locks briefly).
CREATE TABLE rollup_month_product (
  month date NOT NULL,
  product_id text NOT NULL,
  net bigint NOT NULL,
  gross bigint NOT NULL,
  discount bigint NOT NULL,
  tax bigint NOT NULL,
  units bigint NOT NULL,
  lines bigint NOT NULL,
  PRIMARY KEY (month, product_id)
);
-- The ranking order of shared/kpi topN: value descending, then id in code-point order.
CREATE INDEX rollup_mp_month_net ON rollup_month_product (month, net DESC, product_id COLLATE "C");
CREATE INDEX rollup_mp_month_units ON rollup_month_product (month, units DESC, product_id COLLATE "C");

-- A warehouse that already holds sales gets the rollup from its facts.
INSERT INTO rollup_month_product (month, product_id, net, gross, discount, tax, units, lines)
SELECT date_trunc('month', local_day)::date, product_id, sum(net), sum(gross), sum(discount), sum(tax),
  sum(quantity), count(*)
FROM sale_lines GROUP BY 1, 2;
