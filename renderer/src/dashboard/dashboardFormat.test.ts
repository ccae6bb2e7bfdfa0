import { describe, expect, it } from 'vitest';
import { dashFormat } from './dashboardFormat';

describe('dashFormat', () => {
  it('formats money in the store currency and locale from minor units', () => {
    const f = dashFormat('INR', 'en-IN');
    expect(f.money(12345678)).toBe('₹1,23,456.78');
    expect(f.csvMoney(-5)).toBe('-0.05');
    expect(f.major(250)).toBe(2.5);
    expect(dashFormat('JPY', 'ja-JP').csvMoney(1200)).toBe('1200');
  });
  it('formats ratios, growth and calendar keys without shifting dates', () => {
    const f = dashFormat('USD', 'en-US');
    expect(f.percent(0.25)).toBe('25.0%');
    expect(f.growth(0.125)).toBe('+12.5%');
    expect(f.growth(null)).toBe('—');
    expect(f.month('2025-03')).toBe('Mar 2025');
    expect(f.day('2025-11-02')).toBe('Nov 2, 2025');
  });
});
