import { describe, expect, it } from 'vitest';
import { discountSharesBp, priceCart, proRataLine, PricingError, taxFor } from './pricing';

describe('tax rounding', () => {
  it('extracts inclusive tax and adds exclusive tax, half away from zero', () => {
    // 105.00 incl. 5 % -> 5.00 tax exactly
    expect(taxFor(10_500, 500, 'inclusive')).toBe(500);
    // 10.00 incl. 5 % -> 0.476.. -> 48 paise
    expect(taxFor(1_000, 500, 'inclusive')).toBe(48);
    // 0.10 at 5 % excl. -> 0.5 paise -> rounds up to 1
    expect(taxFor(10, 500, 'exclusive')).toBe(1);
    expect(taxFor(-10, 500, 'exclusive')).toBe(-1);
    // 0.09 at 5 % -> 0.45 -> 0
    expect(taxFor(9, 500, 'exclusive')).toBe(0);
  });

  it('prices inclusive and exclusive carts consistently', () => {
    const lines = [{ unitPrice: 1_000, quantity: 3, taxRateBp: 1_200, discount: null }];
    const inc = priceCart(lines, null, 'inclusive');
    expect(inc.totals).toEqual({
      gross: 3_000,
      discount: 0,
      tax: 321,
      net: 2_679,
      total: 3_000,
      units: 3,
    });
    const exc = priceCart(lines, null, 'exclusive');
    expect(exc.totals).toEqual({
      gross: 3_000,
      discount: 0,
      tax: 360,
      net: 3_000,
      total: 3_360,
      units: 3,
    });
  });
});

describe('discounts', () => {
  it('spreads a cart discount over lines so it sums exactly', () => {
    const priced = priceCart(
      [
        { unitPrice: 333, quantity: 1, taxRateBp: 500, discount: null },
        { unitPrice: 333, quantity: 1, taxRateBp: 1_200, discount: null },
        { unitPrice: 334, quantity: 1, taxRateBp: 0, discount: { kind: 'percent', bp: 1_000 } },
      ],
      { kind: 'amount', amount: 101 },
      'inclusive',
    );
    const lineDiscounts = priced.lines.map((l) => l.discount);
    expect(lineDiscounts.reduce((a, b) => a + b, 0)).toBe(101 + 33);
    expect(priced.totals.total).toBe(1_000 - 101 - 33);
    expect(priced.totals.total).toBe(priced.lines.reduce((s, l) => s + l.total, 0));
  });

  it('refuses a discount larger than the line or cart', () => {
    expect(() =>
      priceCart(
        [{ unitPrice: 100, quantity: 1, taxRateBp: 0, discount: { kind: 'amount', amount: 101 } }],
        null,
        'inclusive',
      ),
    ).toThrow(PricingError);
    expect(() =>
      priceCart(
        [{ unitPrice: 100, quantity: 1, taxRateBp: 0, discount: null }],
        { kind: 'amount', amount: 101 },
        'inclusive',
      ),
    ).toThrow(PricingError);
  });
});

describe('proRataLine', () => {
  it('gives back exactly the sold amounts over several partial returns', () => {
    const [line] = priceCart(
      [
        {
          unitPrice: 999,
          quantity: 7,
          taxRateBp: 1_200,
          discount: { kind: 'amount', amount: 100 },
        },
      ],
      null,
      'inclusive',
    ).lines;
    const parts = [2, 1, 4].reduce<{ done: number; sums: number[] }>(
      (acc, q) => {
        const p = proRataLine(line!, 7, acc.done, q);
        return {
          done: acc.done + q,
          sums: [
            acc.sums[0]! + p.gross,
            acc.sums[1]! + p.discount,
            acc.sums[2]! + p.tax,
            acc.sums[3]! + p.total,
          ],
        };
      },
      { done: 0, sums: [0, 0, 0, 0] },
    );
    expect(parts.sums).toEqual([line!.gross, line!.discount, line!.tax, line!.total]);
  });
});

describe('discountSharesBp', () => {
  const line = (
    unitPrice: number,
    quantity: number,
    discount: Parameters<typeof priceCart>[0][0]['discount'],
  ) => ({
    unitPrice,
    quantity,
    taxRateBp: 0,
    discount,
  });

  it('grows an amount discount share when the quantity under it shrinks', () => {
    const amount = { kind: 'amount' as const, amount: 100_00 };
    expect(discountSharesBp([line(100_00, 10, amount)], null).lines).toEqual([1_000]);
    expect(discountSharesBp([line(100_00, 1, amount)], null).lines).toEqual([10_000]);
  });

  it('measures the cart discount against the cart after line discounts', () => {
    const shares = discountSharesBp(
      [line(100_00, 1, { kind: 'percent', bp: 5_000 }), line(50_00, 1, null)],
      { kind: 'amount', amount: 10_01 },
    );
    expect(shares.lines).toEqual([5_000, 0]);
    expect(shares.cart).toBe(1_001); // 10.01 of the 100.00 left after the line discount
    expect(discountSharesBp([], { kind: 'percent', bp: 2_000 }).cart).toBe(0);
  });
});
