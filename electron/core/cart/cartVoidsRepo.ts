// cart_voids: the sales voided before payment, with reason, value and approving owner, and their
// count and value per shift for the Z report. Sole owner of the table.
import type Database from 'better-sqlite3';

export interface CartVoidRow {
  eventId: string;
  cartId: string;
  shiftId: string | null;
  userId: string;
  approverId: string | null;
  reason: string;
  lineCount: number;
  total: number;
  occurredAt: number;
}

export const cartVoidsRepo = (db: Database.Database) => {
  const insert = db.prepare(
    `INSERT INTO cart_voids (event_id, cart_id, shift_id, user_id, approver_id, reason, line_count,
       total, occurred_at)
     VALUES (@eventId, @cartId, @shiftId, @userId, @approverId, @reason, @lineCount, @total,
       @occurredAt)`,
  );
  const inShift = db.prepare<[string], { count: number; total: number | null }>(
    'SELECT count(*) AS count, sum(total) AS total FROM cart_voids WHERE shift_id = ?',
  );
  return {
    record: (v: CartVoidRow): void => void insert.run(v),
    shiftTotals: (shiftId: string): { count: number; total: number } => {
      const r = inShift.get(shiftId);
      return { count: r?.count ?? 0, total: r?.total ?? 0 };
    },
  };
};
export type CartVoidsRepo = ReturnType<typeof cartVoidsRepo>;
