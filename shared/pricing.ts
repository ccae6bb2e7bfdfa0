// Cart pricing: the single implementation the till core commits with and the UI displays.
//
// Rounding rule (documented in README): per line, after discounts, tax is rounded half away from
// zero to the minor unit.
//   gross    = unitPrice × quantity            (shelf terms: tax-inclusive if the store is)
//   discount = line discount + the line's share of the cart discount (largest remainder)
//   taxable  = gross − discount
//   inclusive store: tax = round(taxable × r / (1 + r)), net = taxable − tax, total = taxable
//   exclusive store: tax = round(taxable × r),           net = taxable,       total = taxable + tax
// Net is always revenue excluding tax; sale total = Σ line totals.
import {
  allocateProportionally,
  applyBasisPoints,
  divRoundHalfAwayFromZero,
  type Minor,
} from './money';

export type TaxMode = 'inclusive' | 'exclusive';

export type Discount = { kind: 'amount'; amount: Minor } | { kind: 'percent'; bp: number };

export interface PricingLineInput {
  unitPrice: Minor;
  quantity: number;
  /** Tax rate in basis points: 1,800 = 18 %. */
  taxRateBp: number;
  discount: Discount | null;
}

export interface PricedLine {
  gross: Minor;
  discount: Minor;
  tax: Minor;
  net: Minor;
  total: Minor;
}

export interface CartTotals {
  gross: Minor;
  discount: Minor;
  tax: Minor;
  net: Minor;
  total: Minor;
  units: number;
}

export interface PricedCart {
  lines: PricedLine[];
  totals: CartTotals;
}

/**
 * The largest line or cart amount a till accepts (10^12 minor units, e.g. 10 billion rupees).
 * Far above any real basket, and small enough that sums stay exact in a double and inside the
 * wire schema's bounds, so an absurd cart is refused while it is built, never at checkout.
 */
export const MAX_CART_AMOUNT = 1e12;

export class PricingError extends Error {
  constructor(
    readonly reason: 'DISCOUNT_TOO_LARGE' | 'VALIDATION',
    message: string,
  ) {
    super(message);
  }
}

export const discountAmount = (base: Minor, discount: Discount | null): Minor => {
  if (!discount) return 0;
  if (discount.kind === 'amount') return discount.amount;
  return applyBasisPoints(base, discount.bp);
};

export const taxFor = (taxable: Minor, taxRateBp: number, mode: TaxMode): Minor =>
  mode === 'inclusive'
    ? divRoundHalfAwayFromZero(BigInt(taxable) * BigInt(taxRateBp), BigInt(10_000 + taxRateBp))
    : applyBasisPoints(taxable, taxRateBp);

export const priceCart = (
  inputs: readonly PricingLineInput[],
  cartDiscount: Discount | null,
  mode: TaxMode,
): PricedCart => {
  const afterLine = inputs.map((line) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity === 0) {
      throw new PricingError('VALIDATION', 'Quantity must be a whole number other than zero.');
    }
    const gross = line.unitPrice * line.quantity;
    if (Math.abs(gross) > MAX_CART_AMOUNT) {
      throw new PricingError('VALIDATION', 'That line is above the largest amount a till accepts.');
    }
    const lineDiscount = discountAmount(gross, line.discount);
    if (lineDiscount < 0 || Math.abs(lineDiscount) > Math.abs(gross)) {
      throw new PricingError(
        'DISCOUNT_TOO_LARGE',
        'A line discount cannot exceed the line amount.',
      );
    }
    return { gross, lineDiscount, base: gross - lineDiscount };
  });
  const base = afterLine.reduce((s, l) => s + l.base, 0);
  const cartAmount = discountAmount(base, cartDiscount);
  if (cartAmount < 0 || cartAmount > Math.abs(base)) {
    throw new PricingError(
      'DISCOUNT_TOO_LARGE',
      'The cart discount cannot exceed the cart amount.',
    );
  }
  const shares = allocateProportionally(
    cartAmount,
    afterLine.map((l) => l.base),
  );
  const lines = afterLine.map((l, i): PricedLine => {
    const discount = l.lineDiscount + (shares[i] ?? 0);
    const taxable = l.gross - discount;
    const tax = taxFor(taxable, inputs[i]!.taxRateBp, mode);
    return mode === 'inclusive'
      ? { gross: l.gross, discount, tax, net: taxable - tax, total: taxable }
      : { gross: l.gross, discount, tax, net: taxable, total: taxable + tax };
  });
  const totals = lines.reduce<CartTotals>(
    (t, l, i) => ({
      gross: t.gross + l.gross,
      discount: t.discount + l.discount,
      tax: t.tax + l.tax,
      net: t.net + l.net,
      total: t.total + l.total,
      units: t.units + inputs[i]!.quantity,
    }),
    { gross: 0, discount: 0, tax: 0, net: 0, total: 0, units: 0 },
  );
  if (Math.abs(totals.gross) > MAX_CART_AMOUNT || Math.abs(totals.total) > MAX_CART_AMOUNT) {
    throw new PricingError('VALIDATION', 'The sale is above the largest amount a till accepts.');
  }
  return { lines, totals };
};

/**
 * Prices part of an already-sold line for a return, pro rata to the quantity returned, so that
 * returning every unit (in any number of partial returns) gives back exactly the original
 * amounts: each partial takes round-down shares, the last one takes what is left.
 */
export const proRataLine = (
  original: PricedLine,
  soldQuantity: number,
  alreadyReturnedQuantity: number,
  returnQuantity: number,
): PricedLine => {
  const part = (amount: Minor): Minor => {
    const before = Math.trunc((amount * alreadyReturnedQuantity) / soldQuantity);
    const after = Math.trunc((amount * (alreadyReturnedQuantity + returnQuantity)) / soldQuantity);
    return after - before;
  };
  const gross = part(original.gross);
  const discount = part(original.discount);
  const tax = part(original.tax);
  // Net and total follow from the shares above by the pricing identities, never rounded on
  // their own: four independently rounded shares could leave gross − discount − tax one minor
  // unit away from net, and then a Z report's lines would not add up.
  const taxable = gross - discount;
  const inclusive = original.total === original.gross - original.discount;
  return inclusive
    ? { gross, discount, tax, net: taxable - tax, total: taxable }
    : { gross, discount, tax, net: taxable, total: taxable + tax };
};

/** Share of `base` taken by `amount`, in basis points, rounded up (so 10.01 % is above 10 %). */
export const shareOfBp = (amount: Minor, base: Minor): number => {
  if (amount <= 0) return 0;
  if (base === 0) return 10_000;
  return Math.ceil((amount * 10_000) / Math.abs(base));
};

const discountShareBp = (base: Minor, discount: Discount | null): number => {
  if (!discount) return 0;
  return discount.kind === 'percent' ? discount.bp : shareOfBp(discount.amount, base);
};

export interface DiscountShares {
  /** Each line's own discount as a share of that line's gross, in basis points. */
  lines: number[];
  /** The cart discount as a share of the cart after line discounts, in basis points. */
  cart: number;
  /**
   * Every discount together (lines and cart) as a share of the cart's gross: a 10 % line
   * discount under a 10 % cart discount is 19 % off, which the two shares alone never show.
   */
  total: number;
}

/**
 * The discount shares of a cart as it now stands. An amount discount's share grows when the
 * quantity under it shrinks or lines are removed, so approval is judged on these, recomputed
 * after every change and at checkout, never only on the request that set the discount.
 */
export const discountSharesBp = (
  inputs: readonly PricingLineInput[],
  cartDiscount: Discount | null,
): DiscountShares => {
  let base = 0;
  let grossTotal = 0;
  const lines = inputs.map((line) => {
    const gross = line.unitPrice * line.quantity;
    grossTotal += gross;
    base += gross - discountAmount(gross, line.discount);
    return discountShareBp(gross, line.discount);
  });
  if (inputs.length === 0) return { lines, cart: 0, total: 0 };
  const cartOff = cartDiscount ? Math.min(discountAmount(base, cartDiscount), base) : 0;
  return {
    lines,
    cart: discountShareBp(base, cartDiscount),
    total: shareOfBp(grossTotal - base + cartOff, grossTotal),
  };
};
