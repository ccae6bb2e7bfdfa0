// Counter integrity (issue 11): what an owner approved, so a later cart change cannot stretch it;
// which refunds an owner approved, so split refunds add up against the cashier's own limit; and
// PIN failures, persisted so a restart does not reset a lockout.
import type Database from 'better-sqlite3';

export const up = (db: Database.Database): void => {
  db.exec(`
-- The discount share (basis points) an owner approved: for the cart discount (of the cart after
-- line discounts) and for each line's own discount (of the line's gross). 0 = nothing approved.
ALTER TABLE carts ADD COLUMN approved_discount_bp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cart_lines ADD COLUMN approved_discount_bp INTEGER NOT NULL DEFAULT 0;

-- Returns whose refund an owner approved; the others count against the cashier's own limits.
CREATE TABLE refund_approvals (
  event_id TEXT PRIMARY KEY REFERENCES sales (event_id),
  owner_id TEXT NOT NULL,
  approved_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Failed PIN attempts per subject ('user:<id>', 'owner-pin', 'unknown-user'), cleared on success.
CREATE TABLE pin_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  last_failed_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`);
};
