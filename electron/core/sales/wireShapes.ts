// Stored rows -> wire payload parts. Checkout, returns and history import all write the same
// sold-as snapshot, so the mapping lives once here.
import type { ReturnLine } from '../../../shared/events/return';
import type { SaleLine } from '../../../shared/events/sale';
import type { Payment } from '../../../shared/tender';
import type { SaleLineRow } from './salesRepo';

export const wireSaleLine = (l: SaleLineRow): SaleLine => ({
  lineNo: l.lineNo,
  productId: l.productId,
  sku: l.sku,
  name: l.name,
  category: l.category,
  subCategory: l.subCategory,
  unitPrice: l.unitPrice,
  quantity: l.quantity,
  taxRateBp: l.taxRateBp,
  gross: l.gross,
  discount: l.discount,
  tax: l.tax,
  net: l.net,
});

export const wireReturnLine = (l: SaleLineRow): ReturnLine => {
  if (l.originalLineNo === null) {
    throw new Error(`return line ${l.lineNo} has no original line`);
  }
  return { ...wireSaleLine(l), originalLineNo: l.originalLineNo };
};

/** Omits an empty reference rather than sending `reference: undefined`. */
export const wirePayment = (p: {
  tender: Payment['tender'];
  amount: number;
  reference?: string | null | undefined;
}): Payment =>
  p.reference
    ? { tender: p.tender, amount: p.amount, reference: p.reference }
    : { tender: p.tender, amount: p.amount };
