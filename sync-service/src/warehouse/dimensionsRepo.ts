// Product and cashier dimensions (latest as sold or edited) and per-store stock parameters from
// catalog changes. Rows are sorted by key so concurrent consumers lock them in the same order.
import type { EventOf } from '../../../shared/events';
import type { ProductRow } from './factRows';
import type { SqlClient } from './sqlClient';

const UPSERT_PRODUCTS = `
INSERT INTO products AS p (product_id, sku, name, category, sub_category, updated_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
ON CONFLICT (product_id) DO UPDATE
  SET sku = EXCLUDED.sku, name = EXCLUDED.name, category = EXCLUDED.category,
      sub_category = EXCLUDED.sub_category, updated_at = EXCLUDED.updated_at
  WHERE p.updated_at <= EXCLUDED.updated_at
    AND (p.sku, p.name, p.category, p.sub_category)
        IS DISTINCT FROM (EXCLUDED.sku, EXCLUDED.name, EXCLUDED.category, EXCLUDED.sub_category)`;

export const upsertProducts = async (db: SqlClient, rows: readonly ProductRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await db.query(UPSERT_PRODUCTS, [
    rows.map((r) => r.productId),
    rows.map((r) => r.sku),
    rows.map((r) => r.name),
    rows.map((r) => r.category),
    rows.map((r) => r.subCategory),
    rows.map((r) => new Date(r.changedMs).toISOString()),
  ]);
};

const UPSERT_CASHIERS = `
INSERT INTO cashiers AS c (cashier_id, name)
SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (cashier_id) DO UPDATE SET name = EXCLUDED.name WHERE c.name IS DISTINCT FROM EXCLUDED.name`;

export const upsertCashiers = async (
  db: SqlClient,
  rows: readonly { cashierId: string; name: string }[],
): Promise<void> => {
  if (rows.length === 0) return;
  await db.query(UPSERT_CASHIERS, [rows.map((r) => r.cashierId), rows.map((r) => r.name)]);
};

const UPSERT_STORE_PRODUCTS = `
INSERT INTO store_products AS sp (store_id, product_id, unit_price, reorder_level, lead_time_days, active, changed_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::int[], $6::bool[], $7::timestamptz[])
ON CONFLICT (store_id, product_id) DO UPDATE
  SET unit_price = EXCLUDED.unit_price, reorder_level = EXCLUDED.reorder_level,
      lead_time_days = EXCLUDED.lead_time_days, active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
  WHERE sp.changed_at <= EXCLUDED.changed_at`;

export const upsertStoreProducts = async (
  db: SqlClient,
  changes: readonly EventOf<'catalog_change'>[],
): Promise<void> => {
  // Latest change per (store, product) only: one statement may not touch a row twice.
  const latest = new Map<string, EventOf<'catalog_change'>>();
  for (const c of changes) {
    const key = `${c.storeId}\u0000${c.payload.product.productId}`;
    const known = latest.get(key);
    if (!known || known.occurredAt <= c.occurredAt) latest.set(key, c);
  }
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
