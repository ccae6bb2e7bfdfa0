// The one writer of a sale fact. Checkout, returns and the history import each decide what was
// sold or given back and hand a typed draft here; this records it in the caller's transaction:
// the sale row, its lines and payments (saleFactRepo.ts), the stock moves (the stock ledger's
// repository), and the sale or return event (outbox/outboxRepo.ts, the outbox's only writer).
// A new sale field is added to the draft and mapped here once.
import type { CartTotals, TaxMode } from '../../../shared/pricing';
import type { CoreContext } from '../context';
import { formatReceiptNo, type StoredSettings } from '../settings/settingsRepo';
import type { PaymentRow } from './salesRepo';
import { wirePayment, wireReturnLine, wireSaleLine, type SoldLine } from './saleLines';

interface FactDraft {
  eventId: string;
  receiptNo: string;
  occurredAt: number;
  /** The store and till the event is sent as (the settings). */
  till: Pick<StoredSettings, 'storeId' | 'tillId'>;
  cashier: { id: string; name: string };
  shiftId: string | null;
  currency: string;
  taxMode: TaxMode;
  lines: readonly SoldLine[];
  totals: CartTotals;
  /** Tenders in the order given; a return's refunds are negative. */
  payments: readonly PaymentRow[];
  /**
   * Takes each line's units off the shelf (a sale) or puts them back (a restocked return). A
   * history import never does: today's shelf count already reflects sales made before it.
   */
  moveStock: boolean;
  /** Set by the history import: the stable id of the source rows. */
  importRef?: string;
}

export interface SaleDraft extends FactDraft {
  kind: 'sale';
  changeGiven: number;
}

export interface ReturnDraft extends FactDraft {
  kind: 'return';
  original: {
    eventId: string;
    receiptNo: string;
    /**
     * Whether the sale row is linked to the original (original_event_id). A history return's
     * original may predate the import (paper), so it is linked on the wire only.
     */
    linkRow: boolean;
  };
  reason: string;
  restock: boolean;
}

export type SaleFactDraft = SaleDraft | ReturnDraft;

/** This till's next receipt number; the counter rolls back with a fact that does not commit. */
export const nextReceiptNo = (
  ctx: CoreContext,
  settings: Pick<StoredSettings, 'storeCode' | 'tillCode'>,
): string =>
  formatReceiptNo(settings.storeCode, settings.tillCode, ctx.repos.counters.next('receipt_seq'));

/** Records the fact, all of it or (the caller's transaction rolling back) none of it. */
export const recordSaleFact = (ctx: CoreContext, d: SaleFactDraft): void => {
  if (!ctx.db.inTransaction)
    throw new Error('recordSaleFact must run inside the fact’s transaction');
  const isReturn = d.kind === 'return';
  ctx.repos.saleFacts.insert(
    {
      eventId: d.eventId,
      kind: d.kind,
      receiptNo: d.receiptNo,
      occurredAt: d.occurredAt,
      cashierId: d.cashier.id,
      cashierName: d.cashier.name,
      shiftId: d.shiftId,
      originalEventId: isReturn && d.original.linkRow ? d.original.eventId : null,
      currency: d.currency,
      taxMode: d.taxMode,
      ...d.totals,
      changeGiven: isReturn ? 0 : d.changeGiven,
      reason: isReturn ? d.reason : '',
      restock: isReturn ? d.restock : false,
    },
    d.lines,
    d.payments,
  );
  if (d.moveStock) {
    for (const l of d.lines) {
      ctx.repos.stock.record({
        productId: l.productId,
        quantity: -l.quantity,
        reason: d.kind,
        refEventId: d.eventId,
        unitCost: null,
        note: d.receiptNo,
        userId: d.cashier.id,
        occurredAt: d.occurredAt,
      });
    }
  }
  const envelope = {
    eventId: d.eventId,
    storeId: d.till.storeId,
    tillId: d.till.tillId,
    occurredAt: d.occurredAt,
  };
  const common = {
    receiptNo: d.receiptNo,
    cashierId: d.cashier.id,
    cashierName: d.cashier.name,
    shiftId: d.shiftId,
    currency: d.currency,
    totals: d.totals,
    ...(d.importRef === undefined ? {} : { importRef: d.importRef }),
  };
  if (d.kind === 'sale') {
    ctx.repos.outbox.append({
      ...envelope,
      type: 'sale',
      payload: {
        ...common,
        taxMode: d.taxMode,
        lines: d.lines.map(wireSaleLine),
        payments: d.payments.map(wirePayment),
        change: d.changeGiven,
      },
    });
    return;
  }
  ctx.repos.outbox.append({
    ...envelope,
    type: 'return',
    payload: {
      ...common,
      originalEventId: d.original.eventId,
      originalReceiptNo: d.original.receiptNo,
      reason: d.reason,
      restock: d.restock,
      lines: d.lines.map(wireReturnLine),
      refunds: d.payments.map(wirePayment),
    },
  });
};
