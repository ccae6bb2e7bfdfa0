import { describe, expect, it } from 'vitest';
import {
  averageOrderValue,
  growthRatio,
  ordersPerMinute,
  rateOfReturn,
  salesKpis,
  sumTotals,
} from './salesKpis';

describe('sales KPIs', () => {
  it('rate of return is returns over all transactions', () => {
    expect(rateOfReturn(9, 1)).toBe(0.1);
    expect(rateOfReturn(0, 0)).toBeNull();
    expect(rateOfReturn(0, 3)).toBe(1);
  });

  it('average order value rounds half away from zero in minor units', () => {
    expect(averageOrderValue(1000, 3)).toBe(333);
    expect(averageOrderValue(1001, 2)).toBe(501);
    expect(averageOrderValue(-1001, 2)).toBe(-501);
    expect(averageOrderValue(500, 0)).toBeNull();
  });

  it('growth is relative to the absolute base and undefined without a base', () => {
    expect(growthRatio(125, 100)).toBe(0.25);
    expect(growthRatio(50, 100)).toBe(-0.5);
    expect(growthRatio(10, -20)).toBe(1.5);
    expect(growthRatio(10, 0)).toBeNull();
  });

  it('orders per minute over a window', () => {
    expect(ordersPerMinute(30, 120_000)).toBe(15);
    expect(ordersPerMinute(3, 0)).toBeNull();
  });

  it('sums totals and derives the ratios', () => {
    const t = sumTotals([
      { netSales: 1000, orders: 2, returns: 0, units: 5, tax: 180, discount: 10, gross: 1190 },
      { netSales: -200, orders: 0, returns: 1, units: -1, tax: -36, discount: 0, gross: -236 },
    ]);
    expect(salesKpis(t)).toEqual({
      netSales: 800,
      orders: 2,
      returns: 1,
      units: 4,
      tax: 144,
      discount: 10,
      gross: 954,
      rateOfReturn: 1 / 3,
      averageOrderValue: 400,
    });
  });
});
