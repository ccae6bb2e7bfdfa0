// Sales and returns read back: header, lines, payments, what was returned, the receipt search.
// Rows are only ever inserted, and only by the sale fact's writer (saleFact.ts, saleFactRepo.ts).
import type Database from 'better-sqlite3';
import type { TaxMode } from '../../../shared/pricing';
import type { TenderType } from '../../../shared/tender';
import type { SoldLine } from './saleLines';

export interface SaleHeader {
  eventId: string;
  kind: 'sale' | 'return';
  receiptNo: string;
  occurredAt: number;
  cashierId: string;
  cashierName: string;
  shiftId: string | null;
  originalEventId: string | null;
  currency: string;
  taxMode: TaxMode;
  gross: number;
  discount: number;
  tax: number;
  net: number;
  total: number;
  units: number;
  changeGiven: number;
  reason: string;
  restock: boolean;
}

/** A stored line: the sold line of one sale or return. */
export interface SaleLineRow extends SoldLine {
  eventId: string;
}

export interface PaymentRow {
  tender: TenderType;
  amount: number;
  reference: string | null;
}

const HEADER_COLUMNS = `event_id AS eventId, kind, receipt_no AS receiptNo, occurred_at AS occurredAt,
  cashier_id AS cashierId, cashier_name AS cashierName, shift_id AS shiftId,
  original_event_id AS originalEventId, currency, tax_mode AS taxMode, gross, discount, tax, net, total,
  units, change_given AS changeGiven, reason, restock`;

type RawHeader = Omit<SaleHeader, 'restock'> & { restock: number };
const toHeader = (r: RawHeader): SaleHeader => ({ ...r, restock: r.restock === 1 });

export const salesRepo = (db: Database.Database) => {
  const byId = db.prepare<[string], RawHeader>(
    `SELECT ${HEADER_COLUMNS} FROM sales WHERE event_id = ?`,
  );
  const byReceipt = db.prepare<[string], RawHeader>(
    `SELECT ${HEADER_COLUMNS} FROM sales WHERE receipt_no = ?`,
  );
  // Receipt numbers are stored in capitals; a cashier types them in any case. Rare (after an
  // exact miss), so a scan is acceptable.
  const byReceiptAnyCase = db.prepare<[string], RawHeader>(
    `SELECT ${HEADER_COLUMNS} FROM sales WHERE receipt_no = ? COLLATE NOCASE LIMIT 1`,
  );
  // Receipt search (F5): newest first within [from, to), by receipt number, item name or SKU
  // (LIKE is case-insensitive for ASCII), or the exact total. Walks sales_by_time backwards and
  // stops at the limit.
  const searchSales = db.prepare<
    { from: number; to: number; any: number; like: string; amount: number | null; limit: number },
    RawHeader & { firstItem: string | null }
  >(
    `SELECT ${HEADER_COLUMNS},
       (SELECT l.name FROM sale_lines l WHERE l.event_id = s.event_id ORDER BY l.line_no LIMIT 1) AS firstItem
     FROM sales s
     WHERE s.occurred_at >= @from AND s.occurred_at < @to
       AND (@any = 1 OR s.receipt_no LIKE @like ESCAPE '\\' OR s.total = @amount
         OR EXISTS (SELECT 1 FROM sale_lines l WHERE l.event_id = s.event_id
           AND (l.name LIKE @like ESCAPE '\\' OR l.sku LIKE @like ESCAPE '\\')))
     ORDER BY s.occurred_at DESC LIMIT @limit`,
  );
  const lines = db.prepare<[string], SaleLineRow>(
    `SELECT event_id AS eventId, line_no AS lineNo, original_line_no AS originalLineNo, product_id AS productId,
       sku, name, category, sub_category AS subCategory, unit_price AS unitPrice, quantity,
       tax_rate_bp AS taxRateBp, gross, discount, tax, net, total
     FROM sale_lines WHERE event_id = ? ORDER BY line_no`,
  );
  const payments = db.prepare<[string], PaymentRow>(
    'SELECT tender, amount, reference FROM payments WHERE event_id = ? ORDER BY idx',
  );
  // Returned units per original line (return quantities are negative, hence the minus).
  const returned = db.prepare<[string], { lineNo: number; quantity: number }>(
    `SELECT l.original_line_no AS lineNo, -sum(l.quantity) AS quantity
     FROM sales s JOIN sale_lines l ON l.event_id = s.event_id
     WHERE s.original_event_id = ? GROUP BY l.original_line_no`,
  );
  const returnedAmounts = db.prepare<
    [string],
    { lineNo: number; gross: number; discount: number; tax: number; total: number }
  >(
    `SELECT l.original_line_no AS lineNo, -sum(l.gross) AS gross, -sum(l.discount) AS discount,
       -sum(l.tax) AS tax, -sum(l.total) AS total
     FROM sales s JOIN sale_lines l ON l.event_id = s.event_id
     WHERE s.original_event_id = ? GROUP BY l.original_line_no`,
  );
  const count = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM sales WHERE kind = 'sale'",
  );

  return {
    get: (eventId: string): SaleHeader | null => {
      const r = byId.get(eventId);
      return r ? toHeader(r) : null;
    },
    getByReceipt: (receiptNo: string): SaleHeader | null => {
      const r = byReceipt.get(receiptNo);
      return r ? toHeader(r) : null;
    },
    getByReceiptAnyCase: (receiptNo: string): SaleHeader | null => {
      const r =
        byReceipt.get(receiptNo) ??
        byReceipt.get(receiptNo.toUpperCase()) ??
        byReceiptAnyCase.get(receiptNo);
      return r ? toHeader(r) : null;
    },
    search: (q: {
      from: number;
      to: number;
      /** Matched anywhere in the receipt number, an item's name or SKU; empty matches all. */
      text: string;
      amount: number | null;
      limit: number;
    }): (SaleHeader & { firstItem: string | null })[] =>
      searchSales
        .all({
          from: q.from,
          to: q.to,
          any: q.text === '' && q.amount === null ? 1 : 0,
          like: `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
          amount: q.amount,
          limit: q.limit,
        })
        .map((r) => ({ ...toHeader(r), firstItem: r.firstItem })),
    lines: (eventId: string): SaleLineRow[] => lines.all(eventId),
    payments: (eventId: string): PaymentRow[] => payments.all(eventId),
    returnedQuantities: (originalEventId: string): Map<number, number> =>
      new Map(returned.all(originalEventId).map((r) => [r.lineNo, r.quantity])),
    returnedAmounts: (originalEventId: string) =>
      new Map(returnedAmounts.all(originalEventId).map((r) => [r.lineNo, r])),
    countSales: (): number => count.get()!.n,
  };
};
export type SalesRepo = ReturnType<typeof salesRepo>;
