// The refund's default tenders: the original sale's, pro rata. A sale paid 60 % by card and 40 %
// in cash refunds 60 % to the card and 40 % in cash, so a card payment is not silently turned
// into cash out of the drawer; the owner may change the rows before confirming.
import { allocateProportionally, type Minor } from '../../../shared/money';
import type { TenderType } from '../../../shared/tender';

/** What the sale kept per tender: its payments, cash less the change handed back. */
export const keptByTender = (
  payments: readonly { tender: TenderType; amount: Minor }[],
  change: Minor,
): { tender: TenderType; amount: Minor }[] => {
  const kept = new Map<TenderType, Minor>();
  for (const p of payments) kept.set(p.tender, (kept.get(p.tender) ?? 0) + p.amount);
  if (change > 0) kept.set('cash', (kept.get('cash') ?? 0) - change);
  return [...kept]
    .filter(([, amount]) => amount > 0)
    .map(([tender, amount]) => ({ tender, amount }));
};

/**
 * The refund split over the sale's tenders in proportion to what each kept, largest remainder so
 * the parts add up exactly; tenders whose share rounds to nothing are left out. Cash, if any,
 * comes last (the refund form's last row takes what is left). Never empty: cash by default.
 */
export const proRataRefund = (
  payments: readonly { tender: TenderType; amount: Minor }[],
  change: Minor,
  refund: Minor,
): { tender: TenderType; amount: Minor }[] => {
  const kept = keptByTender(payments, change).sort(
    (a, b) => Number(a.tender === 'cash') - Number(b.tender === 'cash'),
  );
  if (kept.length === 0) return [{ tender: 'cash', amount: refund }];
  const parts = allocateProportionally(
    refund,
    kept.map((k) => k.amount),
  );
  const rows = kept.map((k, i) => ({ tender: k.tender, amount: parts[i] ?? 0 }));
  const nonZero = rows.filter((r) => r.amount !== 0);
  return nonZero.length > 0 ? nonZero : [{ tender: kept.at(-1)!.tender, amount: refund }];
};
