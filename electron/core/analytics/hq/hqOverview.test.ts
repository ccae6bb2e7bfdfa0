import { describe, expect, it } from 'vitest';
import { figureOf, yearEarlier } from './hqOverview';

describe('HQ view figures', () => {
  it('compares with the same dates a year earlier, 29 February included', () => {
    expect(yearEarlier('2025-03-31')).toBe('2024-03-31');
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(yearEarlier('2025-01-01')).toBe('2024-01-01');
  });
  it('derives AOV, return rate and growth with the shared KPI code', () => {
    const row = { key: 's1', label: 'Pune', netSales: 100_001, orders: 4, returns: 1, units: 9 };
    expect(figureOf(row, { ...row, netSales: 80_000 })).toEqual({
      key: 's1',
      label: 'Pune',
      netSales: 100_001,
      orders: 4,
      returns: 1,
      units: 9,
      averageOrderValue: 25_000,
      rateOfReturn: 0.2,
      previousNetSales: 80_000,
      growth: 20_001 / 80_000,
    });
    expect(figureOf({ ...row, orders: null, returns: null }, undefined)).toMatchObject({
      orders: 0,
      returns: 0,
      averageOrderValue: null,
      rateOfReturn: null,
      previousNetSales: 0,
      growth: null,
    });
  });
});
