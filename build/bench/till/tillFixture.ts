// The till benchmark's fixture: a real, migrated till database with 100,000 products (FTS
// indexed, one barcode each) and 1,000,000 past sales (~3 lines, one payment, stock moves),
// bulk-written with SQL for speed (past sales need not go through checkout). Cached under
// build/.cache/bench/ keyed by fixture and schema version, so reruns start in seconds.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latestVersion } from '../../../electron/core/db/migrate';
import { DATABASE_FILE } from '../../../electron/core/db/openDatabase';
import { openTillCore } from '../../../electron/core/tillCore';

export const FIXTURE_VERSION = 1;
export const OWNER_PIN = '123456';

const COLOURS = [
  'Ivory',
  'Maroon',
  'Navy',
  'Mustard',
  'Teal',
  'Black',
  'Gold',
  'Rust',
  'Beige',
  'Wine',
  'Olive',
  'Peach',
  'Grey',
  'Saffron',
  'Cream',
  'Rose',
];
const STYLES = [
  'Cotton',
  'Linen',
  'Silk',
  'Chikankari',
  'Pathani',
  'Banarasi',
  'Khadi',
  'Jacquard',
  'Velvet',
  'Brocade',
  'Printed',
  'Embroidered',
];
const KINDS = [
  'Kurta',
  'Sherwani',
  'Nehru Jacket',
  'Dhoti',
  'Safa',
  'Jutti',
  'Mojari',
  'Stole',
  'Churidar',
  'Kurta Set',
  'Achkan',
  'Shawl',
];

export interface FixtureInfo {
  file: string;
  products: number;
  sales: number;
  buildMs: number | null;
}

const cacheRoot = fileURLToPath(new URL('../../.cache/bench/', import.meta.url));

export const productName = (n: number): string =>
  `${COLOURS[n % COLOURS.length]} ${STYLES[Math.floor(n / COLOURS.length) % STYLES.length]} ${KINDS[Math.floor(n / (COLOURS.length * STYLES.length)) % KINDS.length]} ${n}`;
export const barcodeOf = (n: number): string => `89${String(n).padStart(11, '0')}`;

export const ensureTillFixture = async (
  products: number,
  sales: number,
  log: (s: string) => void,
): Promise<FixtureInfo> => {
  const key = `till-v${FIXTURE_VERSION}-s${latestVersion()}-${products}p-${sales}s`;
  const dir = join(cacheRoot, key);
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file)) return { file, products, sales, buildMs: null };
  const t0 = performance.now();
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const core = openTillCore({ dataDir: building, log: () => {}, sync: { autoStart: false } });
  const setup = await core.dispatch('setup-init', {
    storeName: 'Bench Menswear',
    currency: 'INR',
    locale: 'en-IN',
    timeZone: 'Asia/Kolkata',
    taxMode: 'inclusive',
    ownerName: 'Owner',
    ownerPin: OWNER_PIN,
    demo: false,
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const db = core.db;
  db.pragma('synchronous = OFF');
  const ownerId = (db.prepare("SELECT id FROM users WHERE role = 'owner'").get() as { id: string })
    .id;
  const now = Date.now();
  log(`fixture: writing ${products} products`);
  const insertProduct = db.prepare(
    `INSERT INTO products (id, sku, name, category, sub_category, unit_price, tax_rate_bp, reorder_level, lead_time_days, active, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 5, 14, 1, ?)`,
  );
  const insertBarcode = db.prepare('INSERT INTO barcodes (barcode, product_id) VALUES (?, ?)');
  db.transaction(() => {
    for (let n = 1; n <= products; n++) {
      const price = (499 + ((n * 7919) % 40_000)) * 100;
      const kind = KINDS[Math.floor(n / (COLOURS.length * STYLES.length)) % KINDS.length]!;
      insertProduct.run(
        `bp-${n}`,
        `SKU-${String(n).padStart(6, '0')}`,
        productName(n),
        kind,
        STYLES[n % STYLES.length]!,
        price,
        price <= 100_000 ? 500 : 1_200,
        now,
      );
      insertBarcode.run(barcodeOf(n), `bp-${n}`);
    }
  })();
  log(`fixture: writing ${sales} past sales`);
  const span = 730 * 86_400_000;
  const start = now - span;
  const BATCH = 100_000;
  for (let from = 1; from <= sales; from += BATCH) {
    const to = Math.min(sales, from + BATCH - 1);
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO sales (event_id, kind, receipt_no, occurred_at, cashier_id, cashier_name, currency, tax_mode,
           gross, discount, tax, net, total, units)
         SELECT printf('%08x-0000-7000-8000-%012x', i / 65536, i), 'sale', printf('S1-T1-%06d', i),
           ? + i * (? / ?), ?, 'Owner', 'INR', 'inclusive', 0, 0, 0, 0, 0, 0 FROM n`,
      ).run(from, to, start, span, sales, ownerId);
      const lineSelect = `FROM sales s JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) l
           ON l.k <= 1 + (CAST(substr(s.receipt_no, 7) AS INTEGER) % 5)
         JOIN products p ON p.num = 1 + ((CAST(substr(s.receipt_no, 7) AS INTEGER) * 7919 + l.k * 104729) % ${products})
         WHERE s.receipt_no BETWEEN printf('S1-T1-%06d', ?) AND printf('S1-T1-%06d', ?) AND length(s.receipt_no) = length(printf('S1-T1-%06d', ?))`;
      // Receipt numbers of one batch share a length, so the BETWEEN on text is the numeric range.
      db.prepare(
        `INSERT INTO sale_lines (event_id, line_no, product_id, sku, name, category, sub_category, unit_price, quantity,
           tax_rate_bp, gross, discount, tax, net, total)
         SELECT s.event_id, l.k, p.id, p.sku, p.name, p.category, p.sub_category, p.unit_price, 1, p.tax_rate_bp,
           p.unit_price, 0, p.unit_price * p.tax_rate_bp / (10000 + p.tax_rate_bp),
           p.unit_price - p.unit_price * p.tax_rate_bp / (10000 + p.tax_rate_bp), p.unit_price ${lineSelect}`,
      ).run(from, to, from);
      db.prepare(
        `INSERT INTO stock_moves (product_id, quantity, reason, ref_event_id, note, user_id, occurred_at)
         SELECT p.id, -1, 'sale', s.event_id, s.receipt_no, s.cashier_id, s.occurred_at ${lineSelect}`,
      ).run(from, to, from);
    })();
    log(`fixture: ${to} sales`);
  }
  db.transaction(() => {
    db.exec(`UPDATE sales SET gross = t.g, tax = t.x, net = t.n, total = t.g, units = t.u
      FROM (SELECT event_id, sum(gross) g, sum(tax) x, sum(net) n, sum(quantity) u FROM sale_lines GROUP BY event_id) t
      WHERE t.event_id = sales.event_id`);
    db.exec(`INSERT INTO payments (event_id, idx, tender, amount) SELECT event_id, 1, CASE abs(unicode(substr(event_id, 36))) % 3
      WHEN 0 THEN 'cash' WHEN 1 THEN 'card' ELSE 'mobile' END, total FROM sales`);
    // Opening stock large enough to cover the history, then the cached on-hand from the ledger.
    db.prepare(
      `INSERT INTO stock_moves (product_id, quantity, reason, note, user_id, occurred_at)
      SELECT id, 1000, 'opening', 'bench opening stock', ?, ? FROM products`,
    ).run(ownerId, start - 1);
    db.exec(`UPDATE products SET on_hand = t.q FROM (SELECT product_id, sum(quantity) q FROM stock_moves GROUP BY product_id) t
      WHERE t.product_id = products.id`);
    db.prepare(
      "INSERT INTO counters (name, value) VALUES ('receipt_seq', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    ).run(sales);
  })();
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { file, products, sales, buildMs: Math.round(performance.now() - t0) };
};
