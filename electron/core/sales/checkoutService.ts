// Checkout: the one transaction that turns an open cart into a sale. Sale row, lines, payments,
// stock moves, cart status and the outbox event commit together or not at all. A cart whose
// discounts exceed both the limit and what an owner approved is not sold (discountApproval.ts).
import type { Receipt } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import { settle, type Payment } from '../../../shared/tender';
import { priceCartLines } from '../cart/cartPricing';
import { loadOpenCart } from '../cart/cartService';
import { enforceDiscountApproval } from '../cart/discountApproval';
import { inTransaction, requireSettings, requireUser, type CoreContext } from '../context';
import { formatReceiptNo } from '../settings/settingsRepo';
import { requireOpenShift } from '../shifts/shiftService';
import type { SaleLineRow } from './salesRepo';
import { receiptFor } from './receiptView';
import { wirePayment, wireSaleLine } from './wireShapes';

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
    const receiptNo = formatReceiptNo(
      settings.storeCode,
      settings.tillCode,
      ctx.repos.counters.next('receipt_seq'),
    );
    const saleLines: SaleLineRow[] = lines.map((l, i) => {
      const p = priced.lines[i]!;
      return {
        eventId: cart.id,
        lineNo: i + 1,
        originalLineNo: null,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        category: l.category,
        subCategory: l.subCategory,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        taxRateBp: l.taxRateBp,
        gross: p.gross,
        discount: p.discount,
        tax: p.tax,
        net: p.net,
        total: p.total,
      };
    });
    const pays = payments.map((p) => ({
      tender: p.tender,
      amount: p.amount,
      reference: p.reference ?? null,
    }));
    ctx.repos.sales.insert(
      {
        eventId: cart.id,
        kind: 'sale',
        receiptNo,
        occurredAt: at,
        cashierId: user.id,
        cashierName: user.name,
        shiftId: shift.id,
        originalEventId: null,
        currency: settings.currency,
        taxMode: settings.taxMode,
        ...priced.totals,
        changeGiven: tendered.change,
        reason: '',
        restock: false,
      },
      saleLines,
      pays,
    );
    for (const l of saleLines) {
      ctx.repos.stock.record({
        productId: l.productId,
        quantity: -l.quantity,
        reason: 'sale',
        refEventId: cart.id,
        unitCost: null,
        note: receiptNo,
        userId: user.id,
        occurredAt: at,
      });
    }
    ctx.repos.cart.setStatus(cart.id, 'completed', at);
    ctx.repos.outbox.append({
      eventId: cart.id,
      type: 'sale',
      storeId: settings.storeId,
      tillId: settings.tillId,
      occurredAt: at,
      payload: {
        receiptNo,
        cashierId: user.id,
        cashierName: user.name,
        shiftId: shift.id,
        currency: settings.currency,
        taxMode: settings.taxMode,
        lines: saleLines.map(wireSaleLine),
        payments: payments.map(wirePayment),
        change: tendered.change,
        totals: priced.totals,
      },
    });
    return receiptFor(ctx, cart.id);
  });
