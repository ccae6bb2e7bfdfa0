// The line of a sale or return, defined once: what the product was sold as (the snapshot the
// catalog can no longer change), the quantity, and the priced amounts. The cart view, the stored
// row, the wire line and the receipt line are all this one shape, mapped here and nowhere else, so
// a new line field is one edit. Returns are the same line with quantity and amounts negated.
import type { CartLine, ReceiptLine } from '../../../shared/api/types';
import type { ReturnLine } from '../../../shared/events/return';
import type { SaleLine } from '../../../shared/events/sale';
import type { CartTotals, PricedLine } from '../../../shared/pricing';
import type { Payment } from '../../../shared/tender';

/** What a line keeps of the product as it was sold. */
export interface ProductSnapshot {
  productId: string;
  sku: string;
  name: string;
  category: string;
  subCategory: string;
  unitPrice: number;
  taxRateBp: number;
}

/** The snapshot, the quantity and the amounts: the facts every view of a line shows. */
export interface LineFacts extends ProductSnapshot, PricedLine {
  quantity: number;
}

/** A line as a sale or return records it; returns point at the sold line they give back. */
export interface SoldLine extends LineFacts {
  lineNo: number;
  originalLineNo: number | null;
}

/** Never -0: a zero amount stays 0 on a return. */
export const negate = (n: number): number => (n === 0 ? 0 : -n);

export const negatedAmounts = (a: PricedLine): PricedLine => ({
  gross: negate(a.gross),
  discount: negate(a.discount),
  tax: negate(a.tax),
  net: negate(a.net),
  total: negate(a.total),
});

export const negatedTotals = (t: CartTotals): CartTotals => ({
  ...negatedAmounts(t),
  units: negate(t.units),
});

/** The one mapping of a line's facts (field order as the receipt and the wire have them). */
export const lineFacts = (
  product: ProductSnapshot,
  quantity: number,
  amounts: PricedLine,
): LineFacts => ({
  productId: product.productId,
  sku: product.sku,
  name: product.name,
  category: product.category,
  subCategory: product.subCategory,
  unitPrice: product.unitPrice,
  quantity,
  taxRateBp: product.taxRateBp,
  gross: amounts.gross,
  discount: amounts.discount,
  tax: amounts.tax,
  net: amounts.net,
  total: amounts.total,
});

export const soldLine = (
  lineNo: number,
  originalLineNo: number | null,
  product: ProductSnapshot,
  quantity: number,
  amounts: PricedLine,
): SoldLine => ({ lineNo, originalLineNo, ...lineFacts(product, quantity, amounts) });

/** The same line given back: quantity and every amount negated. */
export const negatedLine = (l: SoldLine): SoldLine =>
  soldLine(l.lineNo, l.originalLineNo, l, negate(l.quantity), negatedAmounts(l));

/** A line of the open cart as the till shows it: the facts plus what the cashier may still edit. */
export const cartLine = (
  line: ProductSnapshot & Pick<CartLine, 'lineNo' | 'quantity' | 'catalogPrice' | 'lineDiscount'>,
  amounts: PricedLine,
): CartLine => ({
  lineNo: line.lineNo,
  ...lineFacts(line, line.quantity, amounts),
  catalogPrice: line.catalogPrice,
  lineDiscount: line.lineDiscount,
});

/** The wire line (shared/events/sale.ts): the facts without the total. */
export const wireSaleLine = (l: SoldLine): SaleLine => {
  const { total: _total, ...facts } = lineFacts(l, l.quantity, l);
  return { lineNo: l.lineNo, ...facts };
};

export const wireReturnLine = (l: SoldLine): ReturnLine => {
  if (l.originalLineNo === null) {
    throw new Error(`return line ${l.lineNo} has no original line`);
  }
  const { total: _total, ...facts } = lineFacts(l, l.quantity, l);
  return { lineNo: l.lineNo, originalLineNo: l.originalLineNo, ...facts };
};

/** The printed line: the facts without the categories, and what was already given back. */
export const receiptLine = (l: SoldLine, returnedQuantity: number): ReceiptLine => {
  const { category: _category, subCategory: _subCategory, ...facts } = lineFacts(l, l.quantity, l);
  return { lineNo: l.lineNo, ...facts, returnedQuantity };
};

/** A tender as sent and printed: an empty reference is omitted rather than sent as undefined. */
export const wirePayment = (p: {
  tender: Payment['tender'];
  amount: number;
  reference?: string | null | undefined;
}): Payment =>
  p.reference
    ? { tender: p.tender, amount: p.amount, reference: p.reference }
    : { tender: p.tender, amount: p.amount };
