// The first schema: settings, users, catalog (+ FTS5 search), carts, sales and returns, stock
// ledger, shifts, cash movements, outbox. Every table is STRICT so a wrong type is an error, not a
// silently coerced value.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  store_id TEXT NOT NULL,
  till_id TEXT NOT NULL,
  store_code TEXT NOT NULL,
  till_code TEXT NOT NULL,
  store_name TEXT NOT NULL,
  currency TEXT NOT NULL,
  locale TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  tax_mode TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
  receipt_header TEXT NOT NULL DEFAULT '',
  discount_limit_bp INTEGER NOT NULL,
  refund_limit INTEGER NOT NULL,
  has_demo_data INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

-- Gapless counters (receipt numbers, outbox seq), bumped inside the transaction that uses them.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'owner')),
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
) STRICT;

-- num is the integer key the FTS index points at (an explicit INTEGER PRIMARY KEY, so VACUUM
-- can never renumber it under the index).
CREATE TABLE products (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  sub_category TEXT NOT NULL DEFAULT '',
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
  tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  reorder_level INTEGER NOT NULL DEFAULT 0,
  lead_time_days INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  on_hand INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX products_by_category_name ON products (category, name);
CREATE INDEX products_by_name ON products (name);

CREATE TABLE barcodes (
  barcode TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX barcodes_by_product ON barcodes (product_id);

CREATE VIRTUAL TABLE product_fts USING fts5 (
  name, sku, category,
  content = 'products', content_rowid = 'num',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
  INSERT INTO product_fts (rowid, name, sku, category) VALUES (new.num, new.name, new.sku, new.category);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
  INSERT INTO product_fts (product_fts, rowid, name, sku, category) VALUES ('delete', old.num, old.name, old.sku, old.category);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, category ON products BEGIN
  INSERT INTO product_fts (product_fts, rowid, name, sku, category) VALUES ('delete', old.num, old.name, old.sku, old.category);
  INSERT INTO product_fts (rowid, name, sku, category) VALUES (new.num, new.name, new.sku, new.category);
END;

CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  cashier_id TEXT NOT NULL REFERENCES users (id),
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  opening_float INTEGER NOT NULL,
  counted_cash INTEGER,
  z_report TEXT
) STRICT;
-- At most one open shift per till.
CREATE UNIQUE INDEX shifts_one_open ON shifts (closed_at IS NULL) WHERE closed_at IS NULL;
CREATE INDEX shifts_by_opened ON shifts (opened_at);

CREATE TABLE cash_moves (
  id INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  shift_id TEXT NOT NULL REFERENCES shifts (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  amount INTEGER NOT NULL,
  reason TEXT NOT NULL,
  occurred_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cash_moves_by_shift ON cash_moves (shift_id);

CREATE TABLE carts (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('open', 'parked', 'voided', 'completed')),
  user_id TEXT NOT NULL REFERENCES users (id),
  opened_at INTEGER NOT NULL,
  parked_at INTEGER,
  note TEXT NOT NULL DEFAULT '',
  cart_discount TEXT,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX carts_by_status ON carts (status, opened_at);

CREATE TABLE cart_lines (
  cart_id TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  sub_category TEXT NOT NULL,
  unit_price INTEGER NOT NULL,
  catalog_price INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  tax_rate_bp INTEGER NOT NULL,
  line_discount TEXT,
  PRIMARY KEY (cart_id, line_no)
) STRICT, WITHOUT ROWID;

-- Sales and returns: immutable once written. A return references its sale; amounts negative.
CREATE TABLE sales (
  event_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  receipt_no TEXT NOT NULL UNIQUE,
  occurred_at INTEGER NOT NULL,
  cashier_id TEXT NOT NULL,
  cashier_name TEXT NOT NULL,
  shift_id TEXT,
  original_event_id TEXT REFERENCES sales (event_id),
  currency TEXT NOT NULL,
  tax_mode TEXT NOT NULL,
  gross INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  net INTEGER NOT NULL,
  total INTEGER NOT NULL,
  units INTEGER NOT NULL,
  change_given INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  restock INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
CREATE INDEX sales_by_time ON sales (occurred_at);
CREATE INDEX sales_by_shift ON sales (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX sales_by_original ON sales (original_event_id) WHERE original_event_id IS NOT NULL;

CREATE TABLE sale_lines (
  event_id TEXT NOT NULL REFERENCES sales (event_id),
  line_no INTEGER NOT NULL,
  original_line_no INTEGER,
  product_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  sub_category TEXT NOT NULL,
  unit_price INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  tax_rate_bp INTEGER NOT NULL,
  gross INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  tax INTEGER NOT NULL,
  net INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (event_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
  event_id TEXT NOT NULL REFERENCES sales (event_id),
  idx INTEGER NOT NULL,
  tender TEXT NOT NULL,
  amount INTEGER NOT NULL,
  reference TEXT,
  PRIMARY KEY (event_id, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE stock_moves (
  id INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products (id),
  quantity INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('sale', 'return', 'receipt', 'adjustment', 'opening', 'count')),
  ref_event_id TEXT,
  unit_cost INTEGER,
  note TEXT NOT NULL DEFAULT '',
  user_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_moves_by_product ON stock_moves (product_id, occurred_at);
CREATE INDEX stock_moves_by_time ON stock_moves (occurred_at);

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  sent_at INTEGER,
  reject_code TEXT,
  reject_reason TEXT
) STRICT;
CREATE INDEX outbox_by_status_seq ON outbox (status, seq);
`);
};
