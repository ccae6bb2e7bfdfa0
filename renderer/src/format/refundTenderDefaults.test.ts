import { describe, expect, it } from 'vitest';
import { keptByTender, proRataRefund } from './refundTenderDefaults';

describe('refund tender defaults', () => {
  it('split the refund over the original tenders, pro rata, cash less change', () => {
    // Paid 6,000 by card and a 5,000 note for the remaining 4,000 (change 1,000).
    const payments = [
      { tender: 'card' as const, amount: 6_000_00 },
      { tender: 'cash' as const, amount: 5_000_00 },
    ];
    expect(keptByTender(payments, 1_000_00)).toEqual([
      { tender: 'card', amount: 6_000_00 },
      { tender: 'cash', amount: 4_000_00 },
    ]);
    expect(proRataRefund(payments, 1_000_00, 1_000_00)).toEqual([
      { tender: 'card', amount: 600_00 },
      { tender: 'cash', amount: 400_00 },
    ]);
    // Odd amounts still add up exactly.
    const odd = proRataRefund(payments, 1_000_00, 333);
    expect(odd.reduce((s, r) => s + r.amount, 0)).toBe(333);
  });

  it('refunds a card-only sale to the card, and falls back to cash', () => {
    expect(proRataRefund([{ tender: 'card', amount: 500_00 }], 0, 200_00)).toEqual([
      { tender: 'card', amount: 200_00 },
    ]);
    expect(proRataRefund([], 0, 200_00)).toEqual([{ tender: 'cash', amount: 200_00 }]);
    expect(proRataRefund([{ tender: 'cash', amount: 100_00 }], 0, 0)).toEqual([
      { tender: 'cash', amount: 0 },
    ]);
  });
});
