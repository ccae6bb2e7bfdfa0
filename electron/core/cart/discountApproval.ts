// Discount approval judged on the cart as it stands, not on the request that set a discount:
// after every cart change and again at checkout, each line's discount share and the cart
// discount's share are compared with the store's limit and with what an owner approved. A share
// above both needs the owner (signed in, or their PIN on the request), and the approval records
// the share it approved, so lowering a quantity under an amount discount asks again. The request
// for approval carries what is approved (share, amount, limit) for the approval box to show; an
// impossible discount (more than its line) never gets here: pricing refuses it first, with
// DISCOUNT_TOO_LARGE, before any PIN is asked.
import type { DiscountApprovalDetails } from '../../../shared/api/types';
import { discountAmount, discountSharesBp } from '../../../shared/pricing';
import { requireSettings, type CoreContext } from '../context';
import { requireOwnerApproval } from '../users/ownerApproval';
import { pricingInputs } from './cartPricing';
import type { CartLineRow, CartRow } from './cartRepo';

const percent = (bp: number): string => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

interface Excess {
  lineNo: number | null;
  shareBp: number;
  /** The discount in minor units. */
  amount: number;
}

const excessOf = (cart: CartRow, lines: readonly CartLineRow[], limitBp: number): Excess[] => {
  const shares = discountSharesBp(pricingInputs(lines), cart.cartDiscount);
  const out: Excess[] = [];
  let base = 0;
  let grossTotal = 0;
  lines.forEach((l, i) => {
    const gross = l.unitPrice * l.quantity;
    grossTotal += gross;
    const amount = discountAmount(gross, l.lineDiscount);
    base += gross - amount;
    const shareBp = shares.lines[i] ?? 0;
    if (shareBp > limitBp && shareBp > l.approvedDiscountBp)
      out.push({ lineNo: l.lineNo, shareBp, amount });
  });
  // A cart discount is judged by what it leaves in all: stacked on line discounts, its own share
  // may be within the limit while the cart as a whole is not.
  const cartOff = discountAmount(base, cart.cartDiscount);
  const byTotal = shares.total > shares.cart;
  const cartShareBp = cart.cartDiscount ? Math.max(shares.cart, shares.total) : 0;
  if (cartShareBp > limitBp && cartShareBp > cart.approvedDiscountBp)
    out.push({
      lineNo: null,
      shareBp: cartShareBp,
      amount: byTotal ? grossTotal - base + cartOff : cartOff,
    });
  return out;
};

/**
 * Throws OWNER_APPROVAL_REQUIRED (or BAD_PIN) when the cart's discounts now exceed both the
 * limit and what was approved; with an owner's approval, records the shares approved.
 */
export const enforceDiscountApproval = (
  ctx: CoreContext,
  cart: CartRow,
  lines: readonly CartLineRow[],
  ownerPin: string | undefined,
): void => {
  const cartId = cart.id;
  const limitBp = requireSettings(ctx).discountLimitBp;
  const excess = excessOf(cart, lines, limitBp);
  if (excess.length === 0) return;
  const top = excess.reduce((a, b) => (b.shareBp > a.shareBp ? b : a));
  const details: DiscountApprovalDetails = {
    kind: 'discount',
    lineNo: top.lineNo,
    shareBp: top.shareBp,
    amount: top.amount,
    limitBp,
  };
  requireOwnerApproval(
    ctx,
    ownerPin,
    `A discount of ${percent(top.shareBp)} (the limit is ${percent(limitBp)})`,
    details,
  );
  for (const e of excess) {
    if (e.lineNo === null) ctx.repos.cart.approveCartDiscount(cartId, e.shareBp);
    else ctx.repos.cart.approveLineDiscount(cartId, e.lineNo, e.shareBp);
  }
};
