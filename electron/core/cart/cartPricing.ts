// Builds the Cart the UI shows from the stored lines, priced by shared/pricing.ts, the same
// function checkout commits with, so the screen and the receipt can never disagree.
import type { Cart } from '../../../shared/api/types';
import {
  priceCart,
  type PricedCart,
  type PricingLineInput,
  type TaxMode,
} from '../../../shared/pricing';
import { cartLine } from '../sales/saleLines';
import type { CartLineRow, CartRow } from './cartRepo';

/** The stored cart lines as shared/pricing.ts takes them (for prices and discount shares). */
export const pricingInputs = (lines: readonly CartLineRow[]): PricingLineInput[] =>
  lines.map((l) => ({
    unitPrice: l.unitPrice,
    quantity: l.quantity,
    taxRateBp: l.taxRateBp,
    discount: l.lineDiscount,
  }));

export const priceCartLines = (
  lines: readonly CartLineRow[],
  cart: CartRow,
  taxMode: TaxMode,
): PricedCart =>
  priceCart(pricingInputs(lines), lines.length > 0 ? cart.cartDiscount : null, taxMode);

export const cartView = (cart: CartRow, lines: readonly CartLineRow[], taxMode: TaxMode): Cart => {
  const priced = priceCartLines(lines, cart, taxMode);
  return {
    id: cart.id,
    status: cart.status,
    openedAt: cart.openedAt,
    note: cart.note,
    cartDiscount: cart.cartDiscount,
    totals: priced.totals,
    lines: lines.map((l, i) => cartLine(l, priced.lines[i]!)),
  };
};
