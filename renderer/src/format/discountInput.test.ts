import { describe, expect, it } from 'vitest';
import { discountToInput, parseDiscountInput } from './discountInput';

describe('parseDiscountInput', () => {
  it('reads percentages into basis points', () => {
    expect(parseDiscountInput('10%', 'INR')).toEqual({
      ok: true,
      discount: { kind: 'percent', bp: 1000 },
    });
    expect(parseDiscountInput('12.5%', 'INR')).toEqual({
      ok: true,
      discount: { kind: 'percent', bp: 1250 },
    });
    expect(parseDiscountInput('7,25 %', 'EUR')).toEqual({
      ok: true,
      discount: { kind: 'percent', bp: 725 },
    });
  });

  it('reads amounts into minor units of the currency', () => {
    expect(parseDiscountInput('49.90', 'INR')).toEqual({
      ok: true,
      discount: { kind: 'amount', amount: 4990 },
    });
    expect(parseDiscountInput('500', 'JPY')).toEqual({
      ok: true,
      discount: { kind: 'amount', amount: 500 },
    });
  });

  it('treats empty or zero as removing the discount', () => {
    expect(parseDiscountInput('', 'INR')).toEqual({ ok: true, discount: null });
    expect(parseDiscountInput(' 0% ', 'INR')).toEqual({ ok: true, discount: null });
  });

  it('rejects malformed input with words', () => {
    for (const bad of ['abc', '150%', '1.234', '-5', '%']) {
      const r = parseDiscountInput(bad, 'INR');
      expect(r.ok).toBe(false);
    }
  });

  it('round-trips through discountToInput', () => {
    const toDecimal = (m: number) => (m / 100).toFixed(2);
    expect(discountToInput({ kind: 'percent', bp: 1250 }, toDecimal)).toBe('12.5%');
    expect(discountToInput({ kind: 'percent', bp: 1000 }, toDecimal)).toBe('10%');
    expect(discountToInput({ kind: 'amount', amount: 4990 }, toDecimal)).toBe('49.90');
    expect(discountToInput(null, toDecimal)).toBe('');
  });
});
