// Shifts (one open per till), the cashiers who joined one, their cash movements, the per-shift
// sums a Z report needs, and the closed shifts for the past Z reports list.
import type Database from 'better-sqlite3';
import type { TenderType } from '../../../shared/tender';

export interface ShiftRow {
  id: string;
  cashierId: string;
  cashierName: string;
  openedAt: number;
  closedAt: number | null;
  openingFloat: number;
  countedCash: number | null;
  zReport: string | null;
}

export interface KindTotals {
  kind: 'sale' | 'return';
  count: number;
  gross: number;
  discount: number;
  tax: number;
  net: number;
  total: number;
  change: number;
}

/** One cashier's rows in a shift: sales and returns by kind, or voids (kind 'void'). */
export interface CashierKindTotals {
  cashierId: string;
  cashierName: string;
  kind: 'sale' | 'return' | 'void';
  count: number;
  total: number;
}

export interface ClosedShiftRow {
  id: string;
  cashierName: string;
  openedAt: number;
  closedAt: number;
  zReport: string;
}

const SHIFT_COLUMNS = `s.id, s.cashier_id AS cashierId, COALESCE(u.name, s.cashier_id) AS cashierName,
  s.opened_at AS openedAt, s.closed_at AS closedAt, s.opening_float AS openingFloat,
  s.counted_cash AS countedCash, s.z_report AS zReport`;

export const shiftRepo = (db: Database.Database) => {
  const insert = db.prepare<[string, string, number, number]>(
    'INSERT INTO shifts (id, cashier_id, opened_at, opening_float) VALUES (?, ?, ?, ?)',
  );
  const current = db.prepare<[], ShiftRow>(
    `SELECT ${SHIFT_COLUMNS} FROM shifts s LEFT JOIN users u ON u.id = s.cashier_id WHERE s.closed_at IS NULL`,
  );
  const byId = db.prepare<[string], ShiftRow>(
    `SELECT ${SHIFT_COLUMNS} FROM shifts s LEFT JOIN users u ON u.id = s.cashier_id WHERE s.id = ?`,
  );
  const close = db.prepare<[number, number, string, string]>(
    'UPDATE shifts SET closed_at = ?, counted_cash = ?, z_report = ? WHERE id = ? AND closed_at IS NULL',
  );
  const insertCash = db.prepare(
    `INSERT INTO cash_moves (event_id, shift_id, user_id, amount, reason, occurred_at)
     VALUES (@eventId, @shiftId, @userId, @amount, @reason, @occurredAt)`,
  );
  const cashSums = db.prepare<[string], { cashIn: number | null; cashOut: number | null }>(
    `SELECT sum(CASE WHEN amount > 0 THEN amount END) AS cashIn, -sum(CASE WHEN amount < 0 THEN amount END) AS cashOut
     FROM cash_moves WHERE shift_id = ?`,
  );
  const kindTotals = db.prepare<[string], KindTotals>(
    `SELECT kind, count(*) AS count, sum(gross) AS gross, sum(discount) AS discount, sum(tax) AS tax,
       sum(net) AS net, sum(total) AS total, sum(change_given) AS change
     FROM sales WHERE shift_id = ? GROUP BY kind`,
  );
  const tenderTotals = db.prepare<[string], { tender: TenderType; amount: number }>(
    `SELECT p.tender, sum(p.amount) AS amount FROM sales s JOIN payments p ON p.event_id = s.event_id
     WHERE s.shift_id = ? GROUP BY p.tender ORDER BY p.tender`,
  );
  const join = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO shift_cashiers (shift_id, user_id, joined_at) VALUES (?, ?, ?)',
  );
  const joined = db.prepare<[string], { id: string; name: string }>(
    `SELECT c.user_id AS id, COALESCE(u.name, c.user_id) AS name FROM shift_cashiers c
     LEFT JOIN users u ON u.id = c.user_id WHERE c.shift_id = ? ORDER BY c.joined_at, c.user_id`,
  );
  const byCashier = db.prepare<[string, string], CashierKindTotals>(
    `SELECT cashier_id AS cashierId, max(cashier_name) AS cashierName, kind, count(*) AS count,
       sum(total) AS total
     FROM sales WHERE shift_id = ? GROUP BY cashier_id, kind
     UNION ALL
     SELECT v.user_id, COALESCE(u.name, v.user_id), 'void', count(*), sum(v.total)
     FROM cart_voids v LEFT JOIN users u ON u.id = v.user_id WHERE v.shift_id = ?
     GROUP BY v.user_id`,
  );
  const closedList = db.prepare<[number, number], ClosedShiftRow>(
    `SELECT s.id, COALESCE(u.name, s.cashier_id) AS cashierName, s.opened_at AS openedAt,
       s.closed_at AS closedAt, s.z_report AS zReport
     FROM shifts s LEFT JOIN users u ON u.id = s.cashier_id
     WHERE s.closed_at IS NOT NULL AND s.z_report IS NOT NULL
     ORDER BY s.closed_at DESC, s.id DESC LIMIT ? OFFSET ?`,
  );
  return {
    join: (shiftId: string, userId: string, at: number): void => void join.run(shiftId, userId, at),
    /** Those who joined the shift after it was opened, in joining order. */
    joinedCashiers: (shiftId: string): { id: string; name: string }[] => joined.all(shiftId),
    byCashier: (shiftId: string): CashierKindTotals[] => byCashier.all(shiftId, shiftId),
    closedList: (limit: number, offset: number): ClosedShiftRow[] => closedList.all(limit, offset),
    open: (id: string, cashierId: string, at: number, openingFloat: number): void =>
      void insert.run(id, cashierId, at, openingFloat),
    current: (): ShiftRow | null => current.get() ?? null,
    get: (id: string): ShiftRow | null => byId.get(id) ?? null,
    close: (id: string, at: number, countedCash: number, zReportJson: string): boolean =>
      close.run(at, countedCash, zReportJson, id).changes === 1,
    addCashMove: (m: {
      eventId: string;
      shiftId: string;
      userId: string;
      amount: number;
      reason: string;
      occurredAt: number;
    }): void => void insertCash.run(m),
    cashSums: (shiftId: string): { cashIn: number; cashOut: number } => {
      const r = cashSums.get(shiftId);
      return { cashIn: r?.cashIn ?? 0, cashOut: r?.cashOut ?? 0 };
    },
    kindTotals: (shiftId: string): KindTotals[] => kindTotals.all(shiftId),
    tenderTotals: (shiftId: string) => tenderTotals.all(shiftId),
  };
};
export type ShiftRepo = ReturnType<typeof shiftRepo>;
