// Discount approval judged on the cart as it stands, not on the request that set a discount:
// after every cart change and again at checkout, each line's discount share and the cart
// discount's share are compared with the store's limit and with what an owner approved. A share
// above both needs the owner (signed in, or their PIN on the request), and the approval records
// the share it approved, so lowering a quantity under an amount discount asks again.
import { discountSharesBp } from '../../../shared/pricing';
import { requireSettings, type CoreContext } from '../context';
import { requireOwnerApproval } from '../users/ownerApproval';
import type { CartLineRow, CartRow } from './cartRepo';

const percent = (bp: number): string => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

interface Excess {
  lineNo: number | null;
  shareBp: number;
}

const excessOf = (cart: CartRow, lines: readonly CartLineRow[], limitBp: number): Excess[] => {
  const shares = discountSharesBp(
    lines.map((l) => ({
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      taxRateBp: l.taxRateBp,
      discount: l.lineDiscount,
    })),
    cart.cartDiscount,
  );
  const out: Excess[] = [];
  lines.forEach((l, i) => {
    const shareBp = shares.lines[i] ?? 0;
    if (shareBp > limitBp && shareBp > l.approvedDiscountBp)
      out.push({ lineNo: l.lineNo, shareBp });
  });
  // A cart discount is judged by what it leaves in all: stacked on line discounts, its own share
  // may be within the limit while the cart as a whole is not.
  const cartShareBp = cart.cartDiscount ? Math.max(shares.cart, shares.total) : 0;
  if (cartShareBp > limitBp && cartShareBp > cart.approvedDiscountBp)
    out.push({ lineNo: null, shareBp: cartShareBp });
  return out;
};

/**
 * Throws OWNER_APPROVAL_REQUIRED (or BAD_PIN) when the cart's discounts now exceed both the
 * limit and what was approved; with an owner's approval, records the shares approved.
 */
export const enforceDiscountApproval = (
  ctx: CoreContext,
  cartId: string,
  ownerPin: string | undefined,
): void => {
  const cart = ctx.repos.cart.get(cartId);
  if (!cart) return;
  const lines = ctx.repos.cart.lines(cartId);
  const limitBp = requireSettings(ctx).discountLimitBp;
  const excess = excessOf(cart, lines, limitBp);
  if (excess.length === 0) return;
  const top = Math.max(...excess.map((e) => e.shareBp));
  requireOwnerApproval(
    ctx,
    ownerPin,
    `A discount of ${percent(top)} (the limit is ${percent(limitBp)})`,
  );
  for (const e of excess) {
    if (e.lineNo === null) ctx.repos.cart.approveCartDiscount(cartId, e.shareBp);
    else ctx.repos.cart.approveLineDiscount(cartId, e.lineNo, e.shareBp);
  }
};
