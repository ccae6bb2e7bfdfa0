// Store-scoped dimensions written by the consumer: each store's local products (ids HQ's catalog
// does not define), each store's cashiers, and each store's stock parameters from catalog
// changes. Chain products are HQ's catalog alone (view chain_products): a till never writes them.
// Every upsert takes the last change in applied order (the consumer applies a store's events in
// Kafka order), never the one with the later client occurredAt. Rows are sorted by key so concurrent
// consumers lock them in the same order.
import type { EventOf } from '../../../shared/events';
import type { CashierRow, ProductRow } from './factRows';
import type { SqlClient } from './sqlClient';

// A product HQ's catalog defines is not a local product: its name, SKU and category come from HQ.
// An owner's edit (catalog_change) sets the label; a sale names only a product not yet known, so a
// sale queued offline before an edit does not undo it.
const LOCAL_PRODUCTS = `
INSERT INTO store_local_products AS p (store_id, product_id, sku, name, category, sub_category, changed_at)
SELECT u.store_id, u.product_id, u.sku, u.name, u.category, u.sub_category, now()
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
  AS u(store_id, product_id, sku, name, category, sub_category)
WHERE NOT EXISTS (SELECT 1 FROM catalog_products c WHERE c.product_id = u.product_id)
ON CONFLICT (store_id, product_id)`;

const NAME_NEW_LOCAL_PRODUCTS = `${LOCAL_PRODUCTS} DO NOTHING`;

const EDIT_LOCAL_PRODUCTS = `${LOCAL_PRODUCTS} DO UPDATE
  SET sku = EXCLUDED.sku, name = EXCLUDED.name, category = EXCLUDED.category,
      sub_category = EXCLUDED.sub_category, changed_at = EXCLUDED.changed_at
  WHERE (p.sku, p.name, p.category, p.sub_category)
        IS DISTINCT FROM (EXCLUDED.sku, EXCLUDED.name, EXCLUDED.category, EXCLUDED.sub_category)`;

export const upsertLocalProducts = async (
  db: SqlClient,
  rows: readonly ProductRow[],
): Promise<void> => {
  for (const [sql, edited] of [
    [NAME_NEW_LOCAL_PRODUCTS, false],
    [EDIT_LOCAL_PRODUCTS, true],
  ] as const) {
    const some = rows.filter((r) => r.edited === edited);
    if (some.length === 0) continue;
    await db.query(sql, [
      some.map((r) => r.storeId),
      some.map((r) => r.productId),
      some.map((r) => r.sku),
      some.map((r) => r.name),
      some.map((r) => r.category),
      some.map((r) => r.subCategory),
    ]);
  }
};

const UPSERT_CASHIERS = `
INSERT INTO cashiers AS c (store_id, cashier_id, name)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
ON CONFLICT (store_id, cashier_id) DO UPDATE SET name = EXCLUDED.name
  WHERE c.name IS DISTINCT FROM EXCLUDED.name`;

export const upsertCashiers = async (db: SqlClient, rows: readonly CashierRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await db.query(UPSERT_CASHIERS, [
    rows.map((r) => r.storeId),
    rows.map((r) => r.cashierId),
    rows.map((r) => r.name),
  ]);
};

// changed_at is the till's occurredAt of the change applied last, kept for people to read; it
// does not decide which change wins.
const UPSERT_STORE_PRODUCTS = `
INSERT INTO store_products AS sp (store_id, product_id, unit_price, reorder_level, lead_time_days, active, changed_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::bool[], $7::timestamptz[])
ON CONFLICT (store_id, product_id) DO UPDATE
  SET unit_price = EXCLUDED.unit_price, reorder_level = EXCLUDED.reorder_level,
      lead_time_days = EXCLUDED.lead_time_days, active = EXCLUDED.active, changed_at = EXCLUDED.changed_at`;

export const upsertStoreProducts = async (
  db: SqlClient,
  changes: readonly EventOf<'catalog_change'>[],
): Promise<void> => {
  // The last change per (store, product) in applied order: one statement may not touch a row twice.
  const latest = new Map<string, EventOf<'catalog_change'>>();
  for (const c of changes) latest.set(`${c.storeId}\u0000${c.payload.product.productId}`, c);
  const rows = [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
  if (rows.length === 0) return;
  await db.query(UPSERT_STORE_PRODUCTS, [
    rows.map((c) => c.storeId),
    rows.map((c) => c.payload.product.productId),
    rows.map((c) => c.payload.product.unitPrice),
    rows.map((c) => c.payload.product.reorderLevel),
    rows.map((c) => c.payload.product.leadTimeDays),
    rows.map((c) => c.payload.product.active),
    rows.map((c) => new Date(c.occurredAt).toISOString()),
  ]);
};
