// Checkout: the one transaction that turns an open cart into a sale. The sale fact (saleFact.ts:
// sale row, lines, payments, stock moves, outbox event) and the cart's status commit together or
// not at all. A cart whose discounts exceed both the limit and what an owner approved is not sold
// (discountApproval.ts).
import type { Receipt } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import { settle, type Payment } from '../../../shared/tender';
import { priceCartLines } from '../cart/cartPricing';
import { loadOpenCart } from '../cart/cartService';
import { enforceDiscountApproval } from '../cart/discountApproval';
import { inTransaction, requireSettings, requireUser, type CoreContext } from '../context';
import { requireOpenShift } from '../shifts/shiftService';
import { receiptFor } from './receiptView';
import { nextReceiptNo, recordSaleFact } from './saleFact';
import { soldLine } from './saleLines';

export const checkout = (
  ctx: CoreContext,
  cartId: string,
  payments: readonly Payment[],
  ownerPin?: string,
): Receipt =>
  inTransaction(ctx, () => {
    const settings = requireSettings(ctx);
    const user = requireUser(ctx);
    const shift = requireOpenShift(ctx);
    const cart = loadOpenCart(ctx, cartId);
    const lines = ctx.repos.cart.lines(cartId);
    if (lines.length === 0)
      throw new AppFailure('CART_EMPTY', 'Add an item before taking payment.');
    const priced = priceCartLines(lines, cart, settings.taxMode);
    enforceDiscountApproval(ctx, cart, lines, ownerPin);
    const tendered = settle(priced.totals.total, payments);
    if (!tendered.ok) throw new AppFailure(tendered.reason, tendered.message);

    const at = ctx.clock.now();
    recordSaleFact(ctx, {
      kind: 'sale',
      eventId: cart.id,
      receiptNo: nextReceiptNo(ctx, settings),
      occurredAt: at,
      till: settings,
      cashier: user,
      shiftId: shift.id,
      currency: settings.currency,
      taxMode: settings.taxMode,
      lines: lines.map((l, i) => soldLine(i + 1, null, l, l.quantity, priced.lines[i]!)),
      totals: priced.totals,
      payments: payments.map((p) => ({
        tender: p.tender,
        amount: p.amount,
        reference: p.reference ?? null,
      })),
      changeGiven: tendered.change,
      moveStock: true,
    });
    ctx.repos.cart.setStatus(cart.id, 'completed', at);
    return receiptFor(ctx, cart.id);
  });
