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
import { nextReceiptNo, recordSaleFact } from '../sales/saleFact';
import { negatedAmounts, soldLine, type SoldLine } from '../sales/saleLines';
import { requireOpenShift } from '../shifts/shiftService';
import { ownerApprovalBeyondLimit } from '../users/ownerApproval';

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
    const lines: SoldLine[] = input.lines.map((req, i) => {
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
      return soldLine(i + 1, sold.lineNo, sold, -req.quantity, negatedAmounts(part));
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
    const approver = ownerApprovalBeyondLimit(ctx, beyond, input.ownerPin);

    const at = ctx.clock.now();
    recordSaleFact(ctx, {
      kind: 'return',
      eventId,
      receiptNo: nextReceiptNo(ctx, settings),
      occurredAt: at,
      till: settings,
      cashier: user,
      shiftId: shift.id,
      currency: original.currency,
      taxMode: original.taxMode,
      lines,
      totals,
      payments: input.refunds.map((r) => ({
        tender: r.tender,
        amount: -r.amount,
        reference: r.reference ?? null,
      })),
      original: { eventId: original.eventId, receiptNo: original.receiptNo, linkRow: true },
      reason: input.reason,
      restock: input.restock,
      moveStock: input.restock,
    });
    if (approver) ctx.repos.refundApprovals.record(eventId, approver.id, at);
    return receiptFor(ctx, eventId);
  });
