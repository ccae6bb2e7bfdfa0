// What a return refunds, computed with the same pro-rata rule the core commits with, so the
// refund tender amounts the cashier confirms match the core's figure to the minor unit.
import type { ReceiptLine } from '../../../shared/api';
import { proRataLine } from '../../../shared/pricing';
import type { Minor } from '../../../shared/money';

export const returnableQuantity = (line: ReceiptLine): number =>
  Math.max(0, line.quantity - line.returnedQuantity);

/**
 * Total refund for the chosen quantities per line number. A quantity above what is still
 * returnable has no exact figure; it gets a proportional estimate so the request still reaches
 * the core, which is the authority and refuses it in words (RETURN_EXCEEDS_SOLD).
 */
export const refundTotal = (
  lines: readonly ReceiptLine[],
  quantities: ReadonlyMap<number, number>,
): Minor => {
  let total = 0;
  for (const line of lines) {
    const q = quantities.get(line.lineNo) ?? 0;
    if (q <= 0) continue;
    if (q > returnableQuantity(line)) total += Math.trunc((line.total * q) / line.quantity);
    else total += proRataLine(line, line.quantity, line.returnedQuantity, q).total;
  }
  return total;
};
