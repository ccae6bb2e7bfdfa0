// Shifts (one open per till), their cash movements, and the per-shift sums a Z report needs.
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
  return {
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
