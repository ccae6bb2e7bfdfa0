// Reads of the HQ master catalog for the console: paged search (trigram index on search_text,
// migration 0200), one product, the SKU/barcode lookup an import validates against, and which
// till has pulled which version. Never the whole catalog to a browser.
import type { CatalogProductRow, CatalogTillsResponse } from '../../../shared/console/consoleApi';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import type { SqlClient } from '../warehouse/sqlClient';

/** Up to this many matches are counted exactly; beyond, the planner's estimate is given. */
export const EXACT_COUNT_LIMIT = 10_000;

interface ProductRow {
  snapshot: ProductSnapshot;
  version: string;
  updated_at: Date;
}

const toRow = (row: ProductRow): CatalogProductRow => ({
  product: row.snapshot,
  version: Number(row.version),
  updatedAt: row.updated_at.getTime(),
});

const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

export async function catalogVersion(db: SqlClient): Promise<number> {
  const { rows } = await db.query<{ version: string }>(
    'SELECT version FROM catalog_state WHERE singleton',
  );
  return Number(rows[0]?.version ?? 0);
}

export interface CatalogSearchResult {
  items: CatalogProductRow[];
  total: number;
  totalIsEstimate: boolean;
}

/** Products whose SKU, name, category or barcode contains `q`; an exact SKU first, then by name. */
export async function searchCatalog(
  db: SqlClient,
  q: string,
  page: number,
  pageSize: number,
): Promise<CatalogSearchResult> {
  const offset = (page - 1) * pageSize;
  if (q === '') {
    const [{ rows }, counted] = await Promise.all([
      db.query<ProductRow>(
        `SELECT snapshot, version, updated_at FROM catalog_products
          ORDER BY lower(snapshot->>'name') COLLATE "C", product_id LIMIT $1 OFFSET $2`,
        [pageSize, offset],
      ),
      db.query<{ n: string }>('SELECT count(*) AS n FROM catalog_products'),
    ]);
    return {
      items: rows.map(toRow),
      total: Number(counted.rows[0]?.n ?? 0),
      totalIsEstimate: false,
    };
  }
  const pattern = likePattern(q);
  const [{ rows }, counted] = await Promise.all([
    db.query<ProductRow>(
      `SELECT snapshot, version, updated_at FROM catalog_products
        WHERE search_text LIKE $1
        ORDER BY (snapshot->>'sku' = $2) DESC, lower(snapshot->>'name') COLLATE "C", product_id
        LIMIT $3 OFFSET $4`,
      [pattern, q, pageSize, offset],
    ),
    db.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM catalog_products WHERE search_text LIKE $1 LIMIT $2) m`,
      [pattern, EXACT_COUNT_LIMIT + 1],
    ),
  ]);
  const exact = Number(counted.rows[0]?.n ?? 0);
  if (exact <= EXACT_COUNT_LIMIT)
    return { items: rows.map(toRow), total: exact, totalIsEstimate: false };
  // Past the exact limit the planner's row estimate is good enough for "about N matches".
  const { rows: plan } = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM catalog_products WHERE search_text LIKE $1`,
    [pattern],
  );
  const estimate = plan[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? exact;
  return {
    items: rows.map(toRow),
    total: Math.max(exact, Math.round(estimate)),
    totalIsEstimate: true,
  };
}

export async function findCatalogProduct(
  db: SqlClient,
  productId: string,
): Promise<CatalogProductRow | null> {
  const { rows } = await db.query<ProductRow>(
    'SELECT snapshot, version, updated_at FROM catalog_products WHERE product_id = $1',
    [productId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Ids of other products with this SKU (HQ keeps SKUs unique per product from the console). */
export async function productIdsWithSku(db: SqlClient, sku: string): Promise<string[]> {
  const { rows } = await db.query<{ product_id: string }>(
    `SELECT product_id FROM catalog_products WHERE snapshot->>'sku' = $1`,
    [sku],
  );
  return rows.map((r) => r.product_id);
}

/** Every product by SKU and by barcode, for validating an import against the whole catalog. */
export async function loadCatalogIndex(db: SqlClient): Promise<{
  bySku: Map<string, ProductSnapshot>;
  barcodeOwner: Map<string, string>;
}> {
  const { rows } = await db.query<{ snapshot: ProductSnapshot }>(
    'SELECT snapshot FROM catalog_products',
  );
  const bySku = new Map<string, ProductSnapshot>();
  const barcodeOwner = new Map<string, string>();
  for (const { snapshot } of rows) {
    bySku.set(snapshot.sku, snapshot);
    for (const barcode of snapshot.barcodes) barcodeOwner.set(barcode, snapshot.productId);
  }
  return { bySku, barcodeOwner };
}

export async function catalogTills(db: SqlClient): Promise<CatalogTillsResponse['tills']> {
  const { rows } = await db.query<{
    store_id: string;
    store_name: string;
    till_id: string;
    till_name: string;
    version: string | null;
    pulled_at: Date | null;
  }>(
    `SELECT s.store_id, s.name AS store_name, t.till_id, t.name AS till_name, p.version, p.pulled_at
       FROM tills t JOIN stores s ON s.store_id = t.store_id
       LEFT JOIN till_catalog_pulls p ON p.till_id = t.till_id
      ORDER BY s.name, s.store_id, t.name, t.till_id`,
  );
  return rows.map((r) => ({
    storeId: r.store_id,
    storeName: r.store_name,
    tillId: r.till_id,
    tillName: r.till_name,
    pulledVersion: r.version === null ? null : Number(r.version),
    pulledAt: r.pulled_at?.getTime() ?? null,
  }));
}
