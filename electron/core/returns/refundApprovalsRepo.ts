// Which returns an owner approved (table refund_approvals), and how much was refunded without
// one against a sale or in a shift: the cashier's own refund limits are cumulative, so splitting
// a large refund into single-unit returns cannot dodge them.
import type Database from 'better-sqlite3';

export const refundApprovalsRepo = (db: Database.Database) => {
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO refund_approvals (event_id, owner_id, approved_at) VALUES (?, ?, ?)',
  );
  // Return totals are negative, hence the minus.
  const unapprovedForSale = db.prepare<[string], { amount: number }>(
    `SELECT coalesce(-sum(s.total), 0) AS amount FROM sales s
     WHERE s.original_event_id = ? AND s.kind = 'return'
       AND NOT EXISTS (SELECT 1 FROM refund_approvals a WHERE a.event_id = s.event_id)`,
  );
  const unapprovedInShift = db.prepare<[string], { amount: number }>(
    `SELECT coalesce(-sum(s.total), 0) AS amount FROM sales s
     WHERE s.shift_id = ? AND s.kind = 'return'
       AND NOT EXISTS (SELECT 1 FROM refund_approvals a WHERE a.event_id = s.event_id)`,
  );
  return {
    record: (eventId: string, ownerId: string, at: number): void =>
      void insert.run(eventId, ownerId, at),
    unapprovedRefundedForSale: (originalEventId: string): number =>
      unapprovedForSale.get(originalEventId)!.amount,
    unapprovedRefundedInShift: (shiftId: string): number => unapprovedInShift.get(shiftId)!.amount,
  };
};
export type RefundApprovalsRepo = ReturnType<typeof refundApprovalsRepo>;
