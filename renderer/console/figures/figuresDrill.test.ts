import { describe, expect, it } from 'vitest';
import type { BreakdownRow, TillSyncRow } from '../../../shared/sync/analyticsApi';
import {
  asOfByStore,
  defaultRange,
  latestStoreToday,
  regionKeyOf,
  rowsOfStores,
  storesOfRegion,
  totalsOfRows,
} from './figuresDrill';

const row = (key: string, netSales: number, orders: number | null, returns = 0): BreakdownRow => ({
  key,
  label: key.toUpperCase(),
  netSales,
  orders,
  returns,
  units: 1,
});

describe('figures drill-down', () => {
  const stores = [
    { storeId: 'a', region: 'North' },
    { storeId: 'b', region: 'South' },
    { storeId: 'c', region: 'North' },
    { storeId: 'd', region: '' },
  ];
  it('finds the stores of a region, a store without a region under "Unknown"', () => {
    expect([...storesOfRegion(stores, 'North')].sort()).toEqual(['a', 'c']);
    expect([...storesOfRegion(stores, 'Unknown')]).toEqual(['d']);
    expect(regionKeyOf('  ')).toBe('Unknown');
    expect(storesOfRegion(stores, 'West').size).toBe(0);
  });
  it("keeps only the region's stores' rows and totals them with the shared KPIs", () => {
    const rows = [row('a', 10_00, 2), row('b', 99_00, 9), row('c', 5_00, 1, 1)];
    const north = rowsOfStores(rows, storesOfRegion(stores, 'North'));
    expect(north.map((r) => r.key)).toEqual(['a', 'c']);
    const t = totalsOfRows(north);
    expect(t.netSales).toBe(15_00);
    expect(t.orders).toBe(3);
    expect(t.averageOrderValue).toBe(5_00);
    expect(t.rateOfReturn).toBe(1 / 4);
    expect(totalsOfRows([]).averageOrderValue).toBeNull();
  });
  it('takes the latest applied event of any till as the store\'s "as of"', () => {
    const till = (storeId: string, appliedEventAt: number | null) =>
      ({ storeId, appliedEventAt }) as TillSyncRow;
    const m = asOfByStore([till('a', 5), till('a', 9), till('a', null), till('b', null)]);
    expect(m.get('a')).toBe(9);
    expect(m.get('b')).toBeNull();
    expect(m.has('c')).toBe(false);
  });
  it("ends the default range on the latest store's today", () => {
    const t = Date.UTC(2026, 11, 3, 19, 30); // 01:00 on the 4th in Kolkata
    expect(latestStoreToday(['Asia/Kolkata', 'America/New_York'], t)).toBe('2026-12-04');
    expect(latestStoreToday(['America/New_York', 'Not/AZone'], t) >= '2026-12-03').toBe(true);
  });
  it('defaults to the start of last year up to today', () => {
    expect(defaultRange('2026-12-03')).toEqual({ from: '2025-01-01', to: '2026-12-03' });
  });
});
