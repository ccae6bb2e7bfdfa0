// The HQ catalog, versioned for pulling by cursor. A product's version changes only when its
// snapshot changes; versions come from the single catalog_state row, locked for the whole write,
// so they become visible in commit order and a cursor never skips a change (see 0003_hq_catalog).
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../db/transaction';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import type { CatalogItem, CatalogPutResponse } from '../../../shared/sync/gatewayApi';

export async function publishProducts(
  pool: Pool,
  products: readonly ProductSnapshot[],
): Promise<CatalogPutResponse> {
  return inTransaction(pool, (client) => publishProductsIn(client, products));
}

/**
 * publishProducts inside the caller's transaction (the console writes its audit entry in the
 * same one). Locks the catalog_state row until that transaction ends.
 */
export async function publishProductsIn(
  client: PoolClient,
  products: readonly ProductSnapshot[],
): Promise<CatalogPutResponse> {
  // The last snapshot of a product wins when a request repeats it.
  const byId = new Map<string, ProductSnapshot>();
  for (const product of products) byId.set(product.productId, product);
  const unique = [...byId.values()];
  const { rows: state } = await client.query<{ version: string }>(
    'SELECT version FROM catalog_state WHERE singleton FOR UPDATE',
  );
  const base = Number(state[0]?.version ?? 0);
  // jsonb equality ignores key order, so resending an unchanged product is a no-op.
  const { rowCount } = await client.query(
    `WITH input AS (
       SELECT elem->>'productId' AS product_id, elem AS snapshot, ord
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(elem, ord)
     ), changed AS (
       SELECT i.product_id, i.snapshot, row_number() OVER (ORDER BY i.ord) AS n
         FROM input i LEFT JOIN catalog_products c ON c.product_id = i.product_id
        WHERE c.product_id IS NULL OR c.snapshot <> i.snapshot
     )
     INSERT INTO catalog_products (product_id, snapshot, version, updated_at)
     SELECT product_id, snapshot, $2::bigint + n, now() FROM changed
     ON CONFLICT (product_id) DO UPDATE
       SET snapshot = EXCLUDED.snapshot, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(unique), base],
  );
  const changed = rowCount ?? 0;
  const version = base + changed;
  if (changed > 0)
    await client.query('UPDATE catalog_state SET version = $1 WHERE singleton', [version]);
  return { changed, unchanged: unique.length - changed, version };
}

/** Products changed after `since`, oldest change first; `hasMore` when another page follows. */
export async function productsSince(
  pool: Pool,
  since: number,
  limit: number,
): Promise<{ items: CatalogItem[]; cursor: string; hasMore: boolean }> {
  const { rows } = await pool.query<{ snapshot: ProductSnapshot; version: string }>(
    `SELECT snapshot, version FROM catalog_products WHERE version > $1 ORDER BY version LIMIT $2`,
    [since, limit + 1],
  );
  const page = rows.slice(0, limit);
  const items = page.map((row) => ({ version: Number(row.version), product: row.snapshot }));
  const last = items[items.length - 1];
  return { items, cursor: String(last ? last.version : since), hasMore: rows.length > limit };
}

/**
 * Notes the highest catalog version delivered to a till (the console's "which till has pulled
 * which version"). One small UPSERT per pull; pulls are rare (start-up, "sync now", a timer).
 */
export async function recordCatalogPull(
  db: Pool | PoolClient,
  tillId: string,
  version: number,
): Promise<void> {
  await db.query(
    `INSERT INTO till_catalog_pulls AS p (till_id, version, pulled_at)
     SELECT $1, $2, now() WHERE EXISTS (SELECT 1 FROM tills WHERE till_id = $1)
     ON CONFLICT (till_id) DO UPDATE
       SET version = greatest(p.version, EXCLUDED.version), pulled_at = EXCLUDED.pulled_at`,
    [tillId, version],
  );
}
