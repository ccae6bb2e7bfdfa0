// Flattens a set of events into column arrays, one array per column, ready for a single
// `INSERT ... SELECT FROM unnest($1::t[], ...)` per fact table. Pure: no database here.
import type { EventOf, PosEvent } from '../../../shared/events';

export interface SaleLineColumns {
  eventId: string[];
  lineNo: number[];
  occurredMs: number[];
  storeId: string[];
  tillId: string[];
  cashierId: string[];
  isReturn: boolean[];
  /** A returned line whose goods went back on the shelf (a stock move of +|quantity|). */
  restocked: boolean[];
  originalEventId: (string | null)[];
  originalLineNo: (number | null)[];
  productId: string[];
  sku: string[];
  name: string[];
  category: string[];
  subCategory: string[];
  quantity: number[];
  unitPrice: number[];
  gross: number[];
  discount: number[];
  tax: number[];
  net: number[];
}

export interface PaymentColumns {
  eventId: string[];
  paymentNo: number[];
  occurredMs: number[];
  storeId: string[];
  tillId: string[];
  isRefund: boolean[];
  tender: string[];
  amount: number[];
}

export interface StockMoveColumns {
  eventId: string[];
  moveNo: number[];
  occurredMs: number[];
  storeId: string[];
  productId: string[];
  sku: string[];
  reason: string[];
  quantity: number[];
  unitCost: (number | null)[];
}

/** A product as a store's till sold or edited it: a candidate for that store's local products. */
export interface ProductRow {
  /** An owner's edit (catalog_change) defines the label; a sale only names a product not yet known. */
  edited: boolean;
  storeId: string;
  productId: string;
  sku: string;
  name: string;
  category: string;
  subCategory: string;
}

export interface CashierRow {
  storeId: string;
  cashierId: string;
  name: string;
}

export interface FactRows {
  saleLines: SaleLineColumns;
  payments: PaymentColumns;
  stockMoves: StockMoveColumns;
  /** Per store × product, in applied order: the last edit, else the first sale. */
  products: ProductRow[];
  /** Last name per store × cashier, in the events' order. */
  cashiers: CashierRow[];
  catalogChanges: EventOf<'catalog_change'>[];
  shiftOpens: EventOf<'shift_open'>[];
  shiftCloses: EventOf<'shift_close'>[];
  cashMovements: EventOf<'cash_movement'>[];
  /** Wrong PINs typed at tills (pinFailuresRepo.ts). */
  pinFailures: EventOf<'pin_failed'>[];
  /** Sales voided before payment (cartVoidsRepo.ts). */
  cartVoids: EventOf<'cart_void'>[];
}

const emptySaleLines = (): SaleLineColumns => ({
  eventId: [],
  lineNo: [],
  occurredMs: [],
  storeId: [],
  tillId: [],
  cashierId: [],
  isReturn: [],
  restocked: [],
  originalEventId: [],
  originalLineNo: [],
  productId: [],
  sku: [],
  name: [],
  category: [],
  subCategory: [],
  quantity: [],
  unitPrice: [],
  gross: [],
  discount: [],
  tax: [],
  net: [],
});

const emptyPayments = (): PaymentColumns => ({
  eventId: [],
  paymentNo: [],
  occurredMs: [],
  storeId: [],
  tillId: [],
  isRefund: [],
  tender: [],
  amount: [],
});

const emptyStockMoves = (): StockMoveColumns => ({
  eventId: [],
  moveNo: [],
  occurredMs: [],
  storeId: [],
  productId: [],
  sku: [],
  reason: [],
  quantity: [],
  unitCost: [],
});

const pushStockMove = (
  c: StockMoveColumns,
  e: PosEvent,
  moveNo: number,
  m: { productId: string; sku: string; reason: string; quantity: number; unitCost: number | null },
): void => {
  c.eventId.push(e.eventId);
  c.moveNo.push(moveNo);
  c.occurredMs.push(e.occurredAt);
  c.storeId.push(e.storeId);
  c.productId.push(m.productId);
  c.sku.push(m.sku);
  c.reason.push(m.reason);
  c.quantity.push(m.quantity);
  c.unitCost.push(m.unitCost);
};

const storeKey = (storeId: string, id: string): string => `${storeId}\u0000${id}`;

const sortedByKey = <T>(m: ReadonlyMap<string, T>): T[] =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);

export const buildFactRows = (events: readonly PosEvent[]): FactRows => {
  const saleLines = emptySaleLines();
  const payments = emptyPayments();
  const stockMoves = emptyStockMoves();
  const products = new Map<string, ProductRow>();
  const cashiers = new Map<string, CashierRow>();
  const rows: FactRows = {
    saleLines,
    payments,
    stockMoves,
    products: [],
    cashiers: [],
    catalogChanges: [],
    shiftOpens: [],
    shiftCloses: [],
    cashMovements: [],
    pinFailures: [],
    cartVoids: [],
  };
  // The later edit wins, whatever its occurredAt says: a till's clock never picks the winner. A
  // sale (perhaps queued offline before an edit) only names a product nothing named yet, as
  // dimensionsRepo.ts does across batches.
  const seeProduct = (p: ProductRow): void => {
    const key = storeKey(p.storeId, p.productId);
    if (p.edited || !products.has(key)) products.set(key, p);
  };

  for (const e of events) {
    if (e.type === 'sale' || e.type === 'return') {
      const isReturn = e.type === 'return';
      const p = e.payload;
      cashiers.set(storeKey(e.storeId, p.cashierId), {
        storeId: e.storeId,
        cashierId: p.cashierId,
        name: p.cashierName,
      });
      for (const line of p.lines) {
        saleLines.eventId.push(e.eventId);
        saleLines.lineNo.push(line.lineNo);
        saleLines.occurredMs.push(e.occurredAt);
        saleLines.storeId.push(e.storeId);
        saleLines.tillId.push(e.tillId);
        saleLines.cashierId.push(p.cashierId);
        saleLines.isReturn.push(isReturn);
        saleLines.restocked.push(e.type === 'return' && e.payload.restock);
        saleLines.originalEventId.push(e.type === 'return' ? e.payload.originalEventId : null);
        saleLines.originalLineNo.push('originalLineNo' in line ? line.originalLineNo : null);
        saleLines.productId.push(line.productId);
        saleLines.sku.push(line.sku);
        saleLines.name.push(line.name);
        saleLines.category.push(line.category);
        saleLines.subCategory.push(line.subCategory);
        saleLines.quantity.push(line.quantity);
        saleLines.unitPrice.push(line.unitPrice);
        saleLines.gross.push(line.gross);
        saleLines.discount.push(line.discount);
        saleLines.tax.push(line.tax);
        saleLines.net.push(line.net);
        seeProduct({
          edited: false,
          storeId: e.storeId,
          productId: line.productId,
          sku: line.sku,
          name: line.name,
          category: line.category,
          subCategory: line.subCategory,
        });
      }
      const tenders = e.type === 'sale' ? e.payload.payments : e.payload.refunds;
      tenders.forEach((t, i) => {
        payments.eventId.push(e.eventId);
        payments.paymentNo.push(i + 1);
        payments.occurredMs.push(e.occurredAt);
        payments.storeId.push(e.storeId);
        payments.tillId.push(e.tillId);
        payments.isRefund.push(isReturn);
        payments.tender.push(t.tender);
        payments.amount.push(t.amount);
      });
    } else if (e.type === 'stock_move') {
      const p = e.payload;
      pushStockMove(stockMoves, e, 1, {
        productId: p.productId,
        sku: p.sku,
        reason: p.reason,
        quantity: p.quantity,
        unitCost: p.unitCost,
      });
    } else if (e.type === 'catalog_change') {
      const s = e.payload.product;
      rows.catalogChanges.push(e);
      seeProduct({
        edited: true,
        storeId: e.storeId,
        productId: s.productId,
        sku: s.sku,
        name: s.name,
        category: s.category,
        subCategory: s.subCategory,
      });
    } else if (e.type === 'shift_open') {
      rows.shiftOpens.push(e);
    } else if (e.type === 'shift_close') {
      rows.shiftCloses.push(e);
    } else if (e.type === 'cash_movement') {
      rows.cashMovements.push(e);
    } else if (e.type === 'pin_failed') {
      rows.pinFailures.push(e);
    } else {
      rows.cartVoids.push(e);
    }
  }
  // Sorted by key so concurrent consumers lock the same rows in the same order.
  rows.products = sortedByKey(products);
  rows.cashiers = sortedByKey(cashiers);
  return rows;
};

/**
 * Months (first day, YYYY-MM-01) a set of instants can fall in once converted to any store's
 * local day: local time is within UTC−12..UTC+14, so both ends are covered.
 */
export const monthsTouched = (occurredMs: readonly number[]): string[] => {
  const months = new Set<string>();
  for (const ms of occurredMs) {
    for (const shift of [-12 * 3_600_000, 14 * 3_600_000]) {
      const d = new Date(ms + shift);
      months.add(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`);
    }
  }
  return [...months].sort();
};
