// A fresh till database with hand-written sales for the analytics tests. The fixture states each
// sale's local date and hour explicitly, so expected figures are computed from the fixture, never
// from the code under test.
import Database from 'better-sqlite3';
import { migrate } from '../../core/db/migrate';

export interface FixtureLine {
  productId: string;
  category: string;
  quantity: number;
  net: number;
  tax: number;
  discount: number;
}

export interface FixtureSale {
  id: string;
  kind: 'sale' | 'return';
  /** UTC instant. */
  utc: string;
  /** The store-local date and hour the fixture author expects (the independent truth). */
  localDay: string;
  localHour: number;
  cashier: 'ann' | 'bob';
  lines: FixtureLine[];
}

export const openTestShop = (timeZone: string): Database.Database => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  db.prepare(
    `INSERT INTO settings (id, store_id, till_id, store_code, till_code, store_name, currency, locale, time_zone,
       tax_mode, discount_limit_bp, refund_limit, created_at)
     VALUES (1, 'store-1', 'till-1', 'S1', 'T1', 'Test Shop', 'USD', 'en-US', ?, 'exclusive', 1000, 10000, 0)`,
  ).run(timeZone);
  return db;
};

export const insertFixtureSales = (db: Database.Database, sales: readonly FixtureSale[]): void => {
  const header = db.prepare(
    `INSERT INTO sales (event_id, kind, receipt_no, occurred_at, cashier_id, cashier_name, shift_id, original_event_id,
       currency, tax_mode, gross, discount, tax, net, total, units, change_given, reason, restock)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 'USD', 'exclusive', ?, ?, ?, ?, ?, ?, 0, '', 0)`,
  );
  const line = db.prepare(
    `INSERT INTO sale_lines (event_id, line_no, original_line_no, product_id, sku, name, category, sub_category,
       unit_price, quantity, tax_rate_bp, gross, discount, tax, net, total)
     VALUES (?, ?, NULL, ?, ?, ?, ?, '', 0, ?, 0, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const s of sales) {
      const sum = (f: (l: FixtureLine) => number): number => s.lines.reduce((a, l) => a + f(l), 0);
      const gross = sum((l) => l.net + l.discount);
      const tax = sum((l) => l.tax);
      const net = sum((l) => l.net);
      header.run(
        s.id,
        s.kind,
        `R-${s.id}`,
        Date.parse(s.utc),
        s.cashier,
        s.cashier.toUpperCase(),
        gross,
        sum((l) => l.discount),
        tax,
        net,
        net + tax,
        sum((l) => l.quantity),
      );
      s.lines.forEach((l, i) => {
        line.run(
          s.id,
          i + 1,
          l.productId,
          `SKU-${l.productId}`,
          `Product ${l.productId}`,
          l.category,
          l.quantity,
          l.net + l.discount,
          l.discount,
          l.tax,
          l.net,
          l.net + l.tax,
        );
      });
    }
  })();
};
