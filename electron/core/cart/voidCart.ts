// Voiding a sale before payment ("Void this sale"). A sale with items needs a reason; one worth
// more than the store's void approval limit needs an owner (a cashier ringing up, pocketing the
// cash and voiding is the classic shrinkage). Each such void is recorded for the shift's Z report
// and sent to HQ as a cart_void event, in one transaction. An empty sale is simply discarded.
import type { ApiParsedInput } from '../../../shared/api/inputs';
import { AppFailure } from '../../../shared/result';
import {
  inTransaction,
  newEventId,
  requireSettings,
  requireUser,
  type CoreContext,
} from '../context';
import { ownerApprovalBeyondLimit } from '../users/ownerApproval';
import { priceCartLines } from './cartPricing';
import { loadCart } from './cartService';

export const voidCart = (ctx: CoreContext, input: ApiParsedInput<'cart-void'>): null =>
  inTransaction(ctx, () => {
    const settings = requireSettings(ctx);
    const user = requireUser(ctx);
    const cart = loadCart(ctx, input.cartId);
    if (cart.status !== 'open' && cart.status !== 'parked') {
      throw new AppFailure('CART_NOT_OPEN', `A ${cart.status} sale cannot be voided.`);
    }
    const at = ctx.clock.now();
    const lines = ctx.repos.cart.lines(cart.id);
    if (lines.length > 0) {
      const reason = input.reason.trim();
      if (reason === '')
        throw new AppFailure('VOID_REASON_REQUIRED', 'Say why this sale is voided.');
      const totals = priceCartLines(lines, cart, settings.taxMode).totals;
      const approver = ownerApprovalBeyondLimit(
        ctx,
        totals.total > settings.voidApprovalLimit ? 'Voiding a sale this large' : null,
        input.ownerPin,
      );
      const shiftId = ctx.repos.shifts.current()?.id ?? null;
      const eventId = newEventId(ctx);
      ctx.repos.cartVoids.record({
        eventId,
        cartId: cart.id,
        shiftId,
        userId: user.id,
        approverId: approver?.id ?? null,
        reason,
        lineCount: lines.length,
        total: totals.total,
        occurredAt: at,
      });
      ctx.repos.outbox.append({
        eventId,
        type: 'cart_void',
        storeId: settings.storeId,
        tillId: settings.tillId,
        occurredAt: at,
        payload: {
          cartId: cart.id,
          shiftId,
          cashierId: user.id,
          cashierName: user.name,
          approverId: approver?.id ?? null,
          reason,
          currency: settings.currency,
          lineCount: lines.length,
          units: totals.units,
          total: totals.total,
        },
      });
    }
    ctx.repos.cart.setStatus(cart.id, 'voided', at);
    return null;
  });
