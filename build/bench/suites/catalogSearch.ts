// HQ master-catalog search benchmark (issue 10): how fast the console's server-side search answers
// over a large catalog (default 100,000 products, one INSERT ... SELECT generate_series) through the
// trigram index of migration 0200. Prints the median and p95 of each query kind; no assertions.
// Usage: npm run bench -- catalogSearch [--json] [--products=100000] [--runs=30]
import pg from 'pg';
import { createTestDatabase } from '../../test/serviceEnv';
import { searchCatalog } from '../../../sync-service/src/catalog/catalogSearch';
import { migrate } from '../../../sync-service/src/db/migrate';

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
    const queries: Record<string, [string, number]> = {
      'first page, no query': ['', 1],
      'page 100, no query': ['', 100],
      'exact SKU': [`BULK-${Math.floor(products / 2)}`, 1],
      'barcode digits': ['0000012345', 1],
      'category word (a third match)': ['dairy', 1],
      'no match': ['zzzzzz', 1],
    };
    const results: Record<string, unknown> = { products, runs, loadMs };
    for (const [label, [q, page]] of Object.entries(queries)) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await searchCatalog(pool, q, page, 50);
        times.push(performance.now() - t);
      }
      const median = Math.round(percentile(times, 50) * 10) / 10;
      const p95 = Math.round(percentile(times, 95) * 10) / 10;
      console.log(`${label.padEnd(32)} median ${median} ms, p95 ${p95} ms`);
      results[`${label} median ms`] = median;
      results[`${label} p95 ms`] = p95;
    }
    return results;
  } finally {
    await pool.end();
    await db.drop();
  }
}
