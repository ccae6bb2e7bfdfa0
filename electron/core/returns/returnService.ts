// A return is its own event against the original receipt: never more than sold minus already
// returned, amounts pro rata to the units (shared/pricing.ts proRataLine) and negative, refunds
// that add up to exactly what is given back. The original sale is never touched. The refund limit
// is cumulative: what was refunded without an owner against the same sale, and in the shift, is
// counted with this refund (split single-unit returns cannot dodge it).
import type { ApiParsedInput } from '../../../shared/api/inputs';
import type { Receipt } from '../../../shared/api/types';
import { proRataLine } from '../../../shared/pricing';
import { AppFailure } from '../../../shared/result';
import {
  inTransaction,
  newEventId,
  requireSettings,
  requireUser,
  type CoreContext,
} from '../context';
import { receiptFor } from '../sales/receiptView';
import type { SaleLineRow } from '../sales/salesRepo';
import { wirePayment, wireReturnLine } from '../sales/wireShapes';
import { formatReceiptNo } from '../settings/settingsRepo';
import { requireOpenShift } from '../shifts/shiftService';
import { requireOwnerApproval } from '../users/ownerApproval';

const negate = (n: number): number => (n === 0 ? 0 : -n);

/** A cashier may refund, without an owner, this many times the refund limit in one shift. */
export const SHIFT_REFUND_LIMIT_MULTIPLE = 3;

/** Why this refund needs an owner, or null: per call, per original sale, per shift. */
const refundBeyondLimit = (
  ctx: CoreContext,
  refund: number,
  originalEventId: string,
  shiftId: string,
  limit: number,
): string | null => {
  const { refundApprovals } = ctx.repos;
  if (refund > limit) return 'A refund this large';
  if (refundApprovals.unapprovedRefundedForSale(originalEventId) + refund > limit)
    return 'Refunds on this receipt beyond the refund limit';
  if (
    refundApprovals.unapprovedRefundedInShift(shiftId) + refund >
    limit * SHIFT_REFUND_LIMIT_MULTIPLE
  )
    return "Refunds in this shift beyond the shift's refund limit";
  return null;
};

export const createReturn = (ctx: CoreContext, input: ApiParsedInput<'return-create'>): Receipt =>
  inTransaction(ctx, () => {
    const settings = requireSettings(ctx);
    const user = requireUser(ctx);
    const shift = requireOpenShift(ctx);
    const { sales } = ctx.repos;
    const original = sales.get(input.originalEventId);
    if (!original || original.kind !== 'sale')
      throw new AppFailure('SALE_NOT_FOUND', 'No sale with that receipt.');
    const soldLines = new Map(sales.lines(original.eventId).map((l) => [l.lineNo, l]));
    const returned = sales.returnedQuantities(original.eventId);

    const seen = new Set<number>();
    const eventId = newEventId(ctx);
    const lines: SaleLineRow[] = input.lines.map((req, i) => {
      if (seen.has(req.originalLineNo)) {
        throw new AppFailure(
          'VALIDATION',
          `lines.${i}.originalLineNo: line ${req.originalLineNo} is listed twice.`,
        );
      }
      seen.add(req.originalLineNo);
      const sold = soldLines.get(req.originalLineNo);
      if (!sold)
        throw new AppFailure(
          'LINE_NOT_FOUND',
          `Line ${req.originalLineNo} is not on that receipt.`,
        );
      const already = returned.get(sold.lineNo) ?? 0;
      if (req.quantity > sold.quantity - already) {
        throw new AppFailure(
          'RETURN_EXCEEDS_SOLD',
          `${sold.name}: ${sold.quantity} sold, ${already} already returned; cannot return ${req.quantity}.`,
        );
      }
      const part = proRataLine(sold, sold.quantity, already, req.quantity);
      return {
        eventId,
        lineNo: i + 1,
        originalLineNo: sold.lineNo,
        productId: sold.productId,
        sku: sold.sku,
        name: sold.name,
        category: sold.category,
        subCategory: sold.subCategory,
        unitPrice: sold.unitPrice,
        quantity: -req.quantity,
        taxRateBp: sold.taxRateBp,
        gross: negate(part.gross),
        discount: negate(part.discount),
        tax: negate(part.tax),
        net: negate(part.net),
        total: negate(part.total),
      };
    });
    const sum = (k: 'gross' | 'discount' | 'tax' | 'net' | 'total' | 'quantity') =>
      lines.reduce((s, l) => s + l[k], 0);
    const totals = {
      gross: sum('gross'),
      discount: sum('discount'),
      tax: sum('tax'),
      net: sum('net'),
      total: sum('total'),
      units: sum('quantity'),
    };
    const refundTotal = input.refunds.reduce((s, r) => s + r.amount, 0);
    if (refundTotal !== -totals.total) {
      throw new AppFailure(
        'REFUND_MISMATCH',
        `Refunds add up to ${refundTotal} but the return is worth ${-totals.total} (minor units).`,
      );
    }
    const beyond = refundBeyondLimit(
      ctx,
      refundTotal,
      original.eventId,
      shift.id,
      settings.refundLimit,
    );
    // An owner's own refunds, and those an owner approved, do not count against a cashier's.
    const approver =
      user.role === 'owner'
        ? user
        : beyond
          ? requireOwnerApproval(ctx, input.ownerPin, beyond)
          : null;

    const at = ctx.clock.now();
    const receiptNo = formatReceiptNo(
      settings.storeCode,
      settings.tillCode,
      ctx.repos.counters.next('receipt_seq'),
    );
    const refunds = input.refunds.map((r) => ({
      tender: r.tender,
      amount: -r.amount,
      reference: r.reference ?? null,
    }));
    sales.insert(
      {
        eventId,
        kind: 'return',
        receiptNo,
        occurredAt: at,
        cashierId: user.id,
        cashierName: user.name,
        shiftId: shift.id,
        originalEventId: original.eventId,
        currency: original.currency,
        taxMode: original.taxMode,
        ...totals,
        changeGiven: 0,
        reason: input.reason,
        restock: input.restock,
      },
      lines,
      refunds,
    );
    if (approver) ctx.repos.refundApprovals.record(eventId, approver.id, at);
    if (input.restock) {
      for (const l of lines) {
        ctx.repos.stock.record({
          productId: l.productId,
          quantity: -l.quantity,
          reason: 'return',
          refEventId: eventId,
          unitCost: null,
          note: receiptNo,
          userId: user.id,
          occurredAt: at,
        });
      }
    }
    ctx.repos.outbox.append({
      eventId,
      type: 'return',
      storeId: settings.storeId,
      tillId: settings.tillId,
      occurredAt: at,
      payload: {
        receiptNo,
        originalEventId: original.eventId,
        originalReceiptNo: original.receiptNo,
        cashierId: user.id,
        cashierName: user.name,
        shiftId: shift.id,
        currency: original.currency,
        reason: input.reason,
        restock: input.restock,
        lines: lines.map(wireReturnLine),
        refunds: refunds.map(wirePayment),
        totals,
      },
    });
    return receiptFor(ctx, eventId);
  });
