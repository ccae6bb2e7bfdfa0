import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  applyBasisPoints,
  divRoundHalfAwayFromZero,
  formatMoney,
  minorToDecimalString,
  parseMoney,
} from './money';

describe('money', () => {
  it('rounds half away from zero in both signs', () => {
    expect(divRoundHalfAwayFromZero(5n, 2n)).toBe(3);
    expect(divRoundHalfAwayFromZero(-5n, 2n)).toBe(-3);
    expect(divRoundHalfAwayFromZero(4n, 3n)).toBe(1);
    expect(divRoundHalfAwayFromZero(-4n, 3n)).toBe(-1);
    expect(applyBasisPoints(50, 1_000)).toBe(5);
    expect(applyBasisPoints(15, 1_000)).toBe(2); // 1.5 -> 2
    expect(applyBasisPoints(-15, 1_000)).toBe(-2);
  });

  it('parses decimal text into minor units per currency exponent', () => {
    expect(parseMoney('1499', 'INR')).toBe(149_900);
    expect(parseMoney('12.5', 'INR')).toBe(1_250);
    expect(parseMoney('12,50', 'EUR')).toBe(1_250);
    expect(parseMoney('1.234', 'INR')).toBeNull();
    expect(parseMoney('1.234', 'KWD')).toBe(1_234);
    expect(parseMoney('500', 'JPY')).toBe(500);
    expect(parseMoney('abc', 'INR')).toBeNull();
    expect(minorToDecimalString(149_905, 'INR')).toBe('1499.05');
  });

  it('shows every negative amount with the minus sign, and keeps the hyphen for CSV', () => {
    expect(formatMoney(-123_450, 'INR', 'en-IN')).toBe('\u2212₹1,234.50');
    expect(formatMoney(-10_394_700, 'INR', 'en-IN')).toBe('\u2212₹1,03,947.00');
    expect(formatMoney(10_394_700, 'INR', 'en-IN')).toBe('₹1,03,947.00');
    expect(formatMoney(-1_250, 'EUR', 'de-DE')).toBe('\u221212,50\u00a0€');
    expect(formatMoney(-500, 'JPY', 'ja-JP')).toBe('\u2212￥500');
    // A negative zero (a refund of nothing, -0 from a negation) has no sign at all.
    expect(formatMoney(-0, 'INR', 'en-IN')).toBe('₹0.00');
    for (const amount of [-1, -99, -100_000_00, -7]) {
      expect(formatMoney(amount, 'INR', 'en-IN')).not.toContain('-');
      expect(formatMoney(amount, 'INR', 'en-IN').startsWith('\u2212₹')).toBe(true);
    }
    expect(minorToDecimalString(-123_450, 'INR')).toBe('-1234.50');
  });

  it('allocates a total over weights so parts sum exactly', () => {
    const parts = allocateProportionally(100, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(parts).toEqual([34, 33, 33]);
    for (const total of [1, 7, 99, 12_345]) {
      const p = allocateProportionally(total, [333, 1_000, 7, 250_000]);
      expect(p.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});
