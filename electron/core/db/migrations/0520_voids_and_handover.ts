// Voids and shift hand-over (issue 12): the sales voided before payment, with reason, value and
// approving owner, so the Z report lists them and HQ hears of them; the amount above which a
// cashier's void needs an owner (starts equal to the refund limit); and the cashiers who joined
// a shift another opened, so the Z report names everyone who rang in it.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`
ALTER TABLE settings ADD COLUMN void_approval_limit INTEGER NOT NULL DEFAULT 0;
UPDATE settings SET void_approval_limit = refund_limit;

CREATE TABLE cart_voids (
  event_id TEXT PRIMARY KEY,
  cart_id TEXT NOT NULL REFERENCES carts (id),
  shift_id TEXT REFERENCES shifts (id),
  user_id TEXT NOT NULL,
  approver_id TEXT,
  reason TEXT NOT NULL,
  line_count INTEGER NOT NULL,
  total INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX cart_voids_by_shift ON cart_voids (shift_id) WHERE shift_id IS NOT NULL;

CREATE TABLE shift_cashiers (
  shift_id TEXT NOT NULL REFERENCES shifts (id),
  user_id TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (shift_id, user_id)
) STRICT, WITHOUT ROWID;
`);
};
