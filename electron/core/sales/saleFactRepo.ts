// The only INSERTs into sales, sale_lines and payments. Private to the sale fact's writer
// (saleFact.ts, which the lint config lets alone reach `repos.saleFacts`); everything else reads
// these tables through salesRepo.ts.
import type Database from 'better-sqlite3';
import type { PaymentRow, SaleHeader } from './salesRepo';
import type { SoldLine } from './saleLines';

export const saleFactRepo = (db: Database.Database) => {
  const insertHeader = db.prepare(
    `INSERT INTO sales (event_id, kind, receipt_no, occurred_at, cashier_id, cashier_name, shift_id,
       original_event_id, currency, tax_mode, gross, discount, tax, net, total, units, change_given, reason, restock)
     VALUES (@eventId, @kind, @receiptNo, @occurredAt, @cashierId, @cashierName, @shiftId,
       @originalEventId, @currency, @taxMode, @gross, @discount, @tax, @net, @total, @units, @changeGiven, @reason, @restock)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO sale_lines (event_id, line_no, original_line_no, product_id, sku, name, category, sub_category,
       unit_price, quantity, tax_rate_bp, gross, discount, tax, net, total)
     VALUES (@eventId, @lineNo, @originalLineNo, @productId, @sku, @name, @category, @subCategory,
       @unitPrice, @quantity, @taxRateBp, @gross, @discount, @tax, @net, @total)`,
  );
  const insertPayment = db.prepare<[string, number, string, number, string | null]>(
    'INSERT INTO payments (event_id, idx, tender, amount, reference) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    insert(header: SaleHeader, lines: readonly SoldLine[], pays: readonly PaymentRow[]): void {
      insertHeader.run({ ...header, restock: header.restock ? 1 : 0 });
      for (const l of lines) insertLine.run({ ...l, eventId: header.eventId });
      pays.forEach((p, i) =>
        insertPayment.run(header.eventId, i + 1, p.tender, p.amount, p.reference),
      );
    },
  };
};
export type SaleFactRepo = ReturnType<typeof saleFactRepo>;
