-- Ingest cost. Every sale line pays for every index on sale_lines: the day-only index served no
-- query that the month partitions (pruned by local_day) and the (store_id, local_day) index do not
-- serve as well, so it goes. The rollups are updated in place on every sub-batch: leaving a fifth
-- of each page free lets Postgres keep the new row version on the same page without touching the
-- indexes (a HOT update), since no indexed column of these tables ever changes.
DROP INDEX IF EXISTS sale_lines_day;
ALTER TABLE rollup_day_store_product SET (fillfactor = 80);
ALTER TABLE rollup_month_store_product SET (fillfactor = 80);
ALTER TABLE rollup_day_store SET (fillfactor = 80);
ALTER TABLE rollup_hour_store SET (fillfactor = 80);
ALTER TABLE rollup_day_till SET (fillfactor = 80);
ALTER TABLE rollup_day_cashier SET (fillfactor = 80);
ALTER TABLE stock_on_hand SET (fillfactor = 80);
