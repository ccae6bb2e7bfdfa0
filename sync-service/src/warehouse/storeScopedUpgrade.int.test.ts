// Migration 0220 on a warehouse that already holds data (the upgrade path, not a new install):
// a database migrated up to 0210 gets sales of a chain product relabelled by a till, two stores'
// local products of the same id, cashiers and shifts in the old chain-wide tables; after 0220 each
// store has its own products and cashiers, the category rollup matches the facts, and chain
// products are named by HQ's catalog.
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../build/test/serviceEnv';
import { stockRows, topProductsByMonth } from '../analytics/analyticsReports';
import { createPool } from '../db/pool';
import { listMigrationFiles, migrate, MIGRATIONS_DIR } from '../db/migrate';
import { auditRollups, ROLLUP_DEFINITIONS } from '../../test/rollupAudit';

const BEFORE = '0220';

const line = (eventId: string, store: string, product: string, name: string, category: string) =>
  `('${eventId}', 1, '2024-06-10', 12, '2024-06-10T12:00:00Z', '${store}', '${store}-till', 'c-1', false,
    '${product}', 'SKU-${product}', '${name}', '${category}', '', 2, 100, 200, 0, 0, 200)`;

describe('migration 0220 on an existing warehouse', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
    const older = await mkdtemp(path.join(tmpdir(), 'pos-migrations-'));
    for (const f of (await listMigrationFiles()).filter((name) => name < BEFORE))
      await copyFile(path.join(MIGRATIONS_DIR, f), path.join(older, f));
    await migrate(pool, { dir: older });

    await pool.query(`INSERT INTO stores (store_id, name, city, region, country, currency, time_zone)
      VALUES ('a', 'A', 'City', 'R', 'US', 'USD', 'UTC'), ('b', 'B', 'City', 'R', 'US', 'USD', 'UTC')`);
    await pool.query(`INSERT INTO catalog_products (product_id, snapshot, version) VALUES
      ('milk', '{"productId":"milk","sku":"SKU-milk","name":"Milk 1L","category":"Dairy","subCategory":""}', 1)`);
    const ids = [1, 2, 3, 4].map((i) => `01900000-0000-7000-8000-00000000000${i}`);
    // Applied in this order: b's local-1, a's milk, a's local-1 (sold twice, the later label wins).
    await pool.query(`INSERT INTO events (event_id, store_id, till_id, seq, type, occurred_at, applied_at,
        kafka_partition, kafka_offset) VALUES
      ('${ids[0]}', 'b', 'b-till', 1, 'sale', '2024-06-10T12:00:00Z', '2024-06-10T12:00:01Z', 0, 1),
      ('${ids[1]}', 'a', 'a-till', 1, 'sale', '2024-06-10T12:00:00Z', '2024-06-10T12:00:02Z', 0, 2),
      ('${ids[2]}', 'a', 'a-till', 2, 'sale', '2099-01-01T12:00:00Z', '2024-06-10T12:00:03Z', 0, 3),
      ('${ids[3]}', 'a', 'a-till', 3, 'sale', '2024-06-10T12:00:00Z', '2024-06-10T12:00:04Z', 0, 4)`);
    await pool.query(`INSERT INTO sale_lines (event_id, line_no, local_day, local_hour, sold_at, store_id, till_id,
        cashier_id, is_return, product_id, sku, name, category, sub_category, quantity, unit_price, gross, discount,
        tax, net) VALUES
      ${line(ids[0]!, 'b', 'local-1', 'B candle', 'Home')},
      ${line(ids[1]!, 'a', 'milk', 'Hacked', 'Luxury')},
      ${line(ids[2]!, 'a', 'local-1', 'A old', 'Bakery')},
      ${line(ids[3]!, 'a', 'local-1', 'A bread', 'Bakery')}`);
    // The old chain-wide dimensions, as a till's forged change left them.
    await pool.query(`INSERT INTO products (product_id, sku, name, category, sub_category) VALUES
      ('milk', 'SKU-milk', 'Hacked', 'Luxury', ''), ('local-1', 'SKU-local-1', 'A bread', 'Bakery', ''),
      ('only-stock', 'SKU-only', 'Shelf item', 'Misc', '')`);
    await pool.query(`INSERT INTO store_products (store_id, product_id, unit_price, reorder_level, lead_time_days,
      active, changed_at) VALUES ('b', 'only-stock', 100, 1, 1, true, now())`);
    await pool.query(`INSERT INTO cashiers (cashier_id, name) VALUES ('c-1', 'Cashier one')`);
    await pool.query(`INSERT INTO shifts (shift_id, store_id, till_id, cashier_id, opening_float)
      VALUES ('${ids[0]}', 'a', 'a-till', 'c-1', 100)`);
    // The rollups 0210 had, as the consumer would have left them.
    for (const [table, definition] of Object.entries(ROLLUP_DEFINITIONS))
      if (table !== 'rollup_day_store_category')
        await pool.query(`INSERT INTO ${table} ${definition}`);

    await migrate(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("backfills each store's own products from its latest applied sale, chain products from HQ", async () => {
    const { rows } = await pool.query(
      'SELECT store_id, product_id, name, category FROM store_local_products ORDER BY 1, 2',
    );
    expect(rows).toEqual([
      { store_id: 'a', product_id: 'local-1', name: 'A bread', category: 'Bakery' },
      { store_id: 'b', product_id: 'local-1', name: 'B candle', category: 'Home' },
      { store_id: 'b', product_id: 'only-stock', name: 'Shelf item', category: 'Misc' },
    ]);
    const [june] = await topProductsByMonth(pool, 'a', '2024-06-01', '2024-06-30', 10);
    expect(june?.byNetSales.find((r) => r.productId === 'milk')?.name).toBe('Milk 1L');
    const stock = await stockRows(pool, 'b', '2024-06-30');
    expect(stock.find((r) => r.productId === 'local-1')?.name).toBe('B candle');
  });

  it('fills the sold-as category rollup from the facts', async () => {
    expect(Object.values(await auditRollups(pool)).every((n) => n === 0)).toBe(true);
    const { rows } = await pool.query(
      `SELECT store_id, category, units::int FROM rollup_day_store_category ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { store_id: 'a', category: 'Bakery', units: 4 },
      { store_id: 'a', category: 'Luxury', units: 2 },
      { store_id: 'b', category: 'Home', units: 2 },
    ]);
  });

  it('keys cashiers and shifts by store, keeping their rows', async () => {
    const cashiers = await pool.query('SELECT store_id, cashier_id, name FROM cashiers ORDER BY 1');
    expect(cashiers.rows).toEqual([
      { store_id: 'a', cashier_id: 'c-1', name: 'Cashier one' },
      { store_id: 'b', cashier_id: 'c-1', name: 'Cashier one' },
    ]);
    const shifts = await pool.query('SELECT store_id, opening_float::int FROM shifts');
    expect(shifts.rows).toEqual([{ store_id: 'a', opening_float: 100 }]);
  });
});
