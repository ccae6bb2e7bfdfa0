// The query benchmark's dataset: N sale lines generated inside Postgres (generate_series) into
// the real sale_lines table of a fresh warehouse database, then the rollups the queries read are
// built from those facts with the same definitions the audit uses. Then the month and year views
// of the analytics API run on rollups and on raw facts, and their results must be equal.
import type pg from 'pg';
import { dailyTotals, type FigureSource } from '../../../sync-service/src/analytics/analyticsRepo';
import { topProductsByMonth } from '../../../sync-service/src/analytics/analyticsReports';
import { ROLLUP_DEFINITIONS } from '../../../sync-service/test/rollupAudit';
import { percentile } from './benchEnvironment';

const STORES = 10;
const PRODUCTS = 500;
const FIRST_DAY = '2024-01-01';
const DAYS = 731;
const LINES_PER_EVENT = 4;

const GENERATE = `
INSERT INTO sale_lines (event_id, line_no, local_day, local_hour, sold_at, store_id, till_id, cashier_id, is_return,
  original_event_id, original_line_no, product_id, sku, name, category, sub_category, quantity, unit_price, gross,
  discount, tax, net)
SELECT md5(g.e::text)::uuid, g.i % ${LINES_PER_EVENT} + 1, g.day, g.hour, g.day + make_interval(hours => g.hour),
  'big-' || lpad((g.e % ${STORES})::text, 2, '0'), 'till-' || (g.e % ${STORES}), 'cashier-' || (g.e % 30), g.ret,
  NULL, NULL, 'p-' || lpad(g.p::text, 5, '0'), 'SKU' || g.p, 'Product ' || g.p, 'Category ' || (g.p % 12), 'Sub',
  g.q, g.price, g.q * g.price, 0, round(g.q * g.price * 18 / 118.0)::bigint,
  g.q * g.price - round(g.q * g.price * 18 / 118.0)::bigint
FROM (
  SELECT i, e, '${FIRST_DAY}'::date + (e * ${DAYS} / ($1::bigint / ${LINES_PER_EVENT} + 1))::int AS day,
    (8 + e % 14)::smallint AS hour, (i * 7919) % ${PRODUCTS} AS p, 50 + ((i * 7919) % ${PRODUCTS}) * 13 AS price,
    e % 20 = 0 AS ret, CASE WHEN e % 20 = 0 THEN -1 ELSE 1 END * (1 + i % 3)::int AS q
  FROM (SELECT i, i / ${LINES_PER_EVENT} AS e FROM generate_series($2::bigint, $3::bigint) AS i) s
) g`;

export interface BigDatasetTimings {
  loadSeconds: number;
  lines: number;
}

export const loadBigDataset = async (
  pool: pg.Pool,
  lines: number,
  log: (m: string) => void,
): Promise<BigDatasetTimings> => {
  const started = performance.now();
  await pool.query(`INSERT INTO stores (store_id, name, region, currency, time_zone)
    SELECT 'big-' || lpad(s::text, 2, '0'), 'Big ' || s, 'Region ' || (s % 3), 'USD', 'UTC' FROM generate_series(0, ${STORES - 1}) s`);
  // The products are chain products: HQ's catalog names them (warehouse view chain_products).
  await pool.query(`INSERT INTO catalog_products (product_id, snapshot, version)
    SELECT 'p-' || lpad(p::text, 5, '0'), jsonb_build_object('productId', 'p-' || lpad(p::text, 5, '0'),
      'sku', 'SKU' || p, 'barcodes', '[]'::jsonb, 'name', 'Product ' || p, 'category', 'Category ' || (p % 12),
      'subCategory', 'Sub', 'unitPrice', 50 + p * 13, 'taxRateBp', 1800, 'reorderLevel', 0, 'leadTimeDays', 0,
      'active', true), p + 1
    FROM generate_series(0, ${PRODUCTS - 1}) p`);
  await pool.query(`UPDATE catalog_state SET version = ${PRODUCTS}`);
  for (let m = 0; m < 25; m++) {
    await pool.query(
      `SELECT warehouse_ensure_month(('${FIRST_DAY}'::date + make_interval(months => $1))::date)`,
      [m],
    );
  }
  // Bulk load without indexes, then build them once: how any warehouse loads history.
  await pool.query('ALTER TABLE sale_lines DROP CONSTRAINT sale_lines_pkey');
  await pool.query('DROP INDEX sale_lines_store_day, sale_lines_original');
  const chunk = 1_000_000;
  for (let from = 0; from < lines; from += chunk) {
    await pool.query(GENERATE, [lines, from, Math.min(lines, from + chunk) - 1]);
    log(`  big dataset: ${Math.min(lines, from + chunk).toLocaleString('en')} lines`);
  }
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query('ALTER TABLE sale_lines ADD PRIMARY KEY (event_id, line_no, local_day)');
    await client.query('CREATE INDEX sale_lines_store_day ON sale_lines (store_id, local_day)');
    await client.query(
      'CREATE INDEX sale_lines_original ON sale_lines (original_event_id) WHERE original_event_id IS NOT NULL',
    );
    log('  big dataset: indexes built');
    for (const table of [
      'rollup_day_store',
      'rollup_month_store_product',
      'rollup_month_product',
    ] as const) {
      await client.query(`INSERT INTO ${table} ${ROLLUP_DEFINITIONS[table]}`);
    }
    await client.query('ANALYZE');
  } finally {
    client.release();
  }
  return { loadSeconds: Math.round((performance.now() - started) / 1_000), lines };
};

/** The month or year view of the API: daily totals for the chain and the top 10 products per month. */
const view = async (pool: pg.Pool, from: string, to: string, source: FigureSource) => ({
  days: await dailyTotals(pool, null, from, to, source),
  topProducts: await topProductsByMonth(pool, null, from, to, 10, source),
});

export interface QueryFigures {
  p95Ms: number;
  rawP95Ms: number;
  ratio: number;
  equal: boolean;
}

export const timeView = async (
  pool: pg.Pool,
  from: string,
  to: string,
  runs: number,
  rawRuns: number,
): Promise<QueryFigures> => {
  const time = async (source: FigureSource, n: number) => {
    const ms: number[] = [];
    let result: unknown = null;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      result = await view(pool, from, to, source);
      ms.push(performance.now() - t);
    }
    return { p95: percentile(ms, 95), result };
  };
  const rollups = await time('rollups', runs);
  const raw = await time('facts', rawRuns);
  return {
    p95Ms: Math.round(rollups.p95 * 10) / 10,
    rawP95Ms: Math.round(raw.p95 * 10) / 10,
    ratio: Math.round((raw.p95 / rollups.p95) * 10) / 10,
    equal: JSON.stringify(rollups.result) === JSON.stringify(raw.result),
  };
};
