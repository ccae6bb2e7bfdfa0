// HQ master-catalog search benchmark (issue 10): how fast the console's server-side search answers
// over a large catalog (default 100,000 products, one INSERT ... SELECT generate_series) through the
// trigram index of migration 0200. Prints the median and p95 of each query kind, and the same
// queries with index scans off as the baseline (ratio = speed-up); no assertions.
// Usage: npm run bench -- catalogSearch [--json] [--products=100000] [--runs=30]
import pg from 'pg';
import { createTestDatabase } from '../../test/serviceEnv';
import { searchCatalog } from '../../../sync-service/src/catalog/catalogSearch';
import { migrate } from '../../../sync-service/src/db/migrate';
import type { SqlClient } from '../../../sync-service/src/warehouse/sqlClient';

const arg = (args: string[], name: string, fallback: number): number => {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = Number(raw ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export default async function catalogSearchBench(args: string[]): Promise<Record<string, unknown>> {
  const products = arg(args, 'products', 100_000);
  const runs = arg(args, 'runs', 30);
  const db = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    await migrate(pool);
    const started = performance.now();
    await pool.query(
      `INSERT INTO catalog_products (product_id, snapshot, version)
       SELECT 'bulk-' || n, jsonb_build_object(
         'productId', 'bulk-' || n, 'sku', 'BULK-' || n,
         'barcodes', jsonb_build_array('77' || lpad(n::text, 11, '0')),
         'name', 'Bulk item ' || n, 'category', CASE WHEN n % 3 = 0 THEN 'Dairy' ELSE 'Bakery' END,
         'subCategory', '', 'unitPrice', n, 'taxRateBp', 700, 'reorderLevel', 0,
         'leadTimeDays', 0, 'active', true), n
       FROM generate_series(1, $1::int) AS n`,
      [products],
    );
    await pool.query('ANALYZE catalog_products');
    const loadMs = Math.round(performance.now() - started);
    console.log(`loaded ${products} products in ${loadMs} ms`);
    // The baseline, measured in the same run: the same queries with index scans turned off for
    // one connection, i.e. what the console would cost without migration 0200's trigram index.
    const baseline = await pool.connect();
    await baseline.query('SET enable_indexscan = off');
    await baseline.query('SET enable_bitmapscan = off');
    const queries: Record<string, [string, number]> = {
      first_page: ['', 1],
      page_100: ['', 100],
      exact_sku: [`BULK-${Math.floor(products / 2)}`, 1],
      barcode_digits: ['0000012345', 1],
      category_word_third_match: ['dairy', 1],
      no_match: ['zzzzzz', 1],
    };
    const results: Record<string, unknown> = { products, runs, load_ms: loadMs };
    const time = async (db: SqlClient, q: string, page: number): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await searchCatalog(db, q, page, 50);
        times.push(performance.now() - t);
      }
      return times;
    };
    const round = (ms: number) => Math.round(ms * 10) / 10;
    try {
      for (const [label, [q, page]] of Object.entries(queries)) {
        const indexed = await time(pool, q, page);
        const scanned = await time(baseline, q, page);
        const median = round(percentile(indexed, 50));
        const p95 = round(percentile(indexed, 95));
        const scanMedian = round(percentile(scanned, 50));
        const speedup = median > 0 ? Math.round((scanMedian / median) * 10) / 10 : null;
        console.log(
          `${label.padEnd(28)} median ${median} ms, p95 ${p95} ms; ` +
            `without the index ${scanMedian} ms (${speedup}×)`,
        );
        results[`${label}_median_ms`] = median;
        results[`${label}_p95_ms`] = p95;
        results[`${label}_no_index_median_ms`] = scanMedian;
        results[`${label}_speedup`] = speedup;
      }
    } finally {
      baseline.release();
    }
    return results;
  } finally {
    await pool.end();
    await db.drop();
  }
}
