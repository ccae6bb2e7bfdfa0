import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { localTrends, splitRange } from './localTrends';
import { insertFixtureSales, openTestShop, type FixtureSale } from '../../test/analytics/testShop';
import { todayFigures } from './todayFigures';

// New York: DST began 2025-03-09 02:00 EST and ended 2025-11-02 02:00 EDT (01:00-02:00 happened twice).
const A = (quantity: number, net: number, tax = 0, discount = 0) => ({
  productId: 'A',
  category: 'Drinks',
  quantity,
  net,
  tax,
  discount,
});
const B = (quantity: number, net: number, tax = 0, discount = 0) => ({
  productId: 'B',
  category: 'Snacks',
  quantity,
  net,
  tax,
  discount,
});
const C = (quantity: number, net: number, tax = 0, discount = 0) => ({
  productId: 'C',
  category: 'Snacks',
  quantity,
  net,
  tax,
  discount,
});

const FIRST: FixtureSale[] = [
  {
    id: 's1',
    kind: 'sale',
    utc: '2024-03-15T16:00:00Z',
    localDay: '2024-03-15',
    localHour: 12,
    cashier: 'ann',
    lines: [A(2, 500, 50), B(1, 300, 30, 20)],
  },
  {
    id: 's2',
    kind: 'sale',
    utc: '2025-03-09T04:30:00Z',
    localDay: '2025-03-08',
    localHour: 23,
    cashier: 'bob',
    lines: [A(1, 250, 25)],
  },
  {
    id: 's3',
    kind: 'sale',
    utc: '2025-03-09T07:30:00Z',
    localDay: '2025-03-09',
    localHour: 3,
    cashier: 'ann',
    lines: [B(3, 900, 90, 60), C(1, 199, 20)],
  },
  {
    id: 's4',
    kind: 'return',
    utc: '2025-03-10T14:00:00Z',
    localDay: '2025-03-10',
    localHour: 10,
    cashier: 'ann',
    lines: [B(-1, -300, -30, -20)],
  },
  {
    id: 's10',
    kind: 'sale',
    utc: '2024-11-02T12:00:00Z',
    localDay: '2024-11-02',
    localHour: 8,
    cashier: 'bob',
    lines: [C(1, 199, 20)],
  },
  {
    id: 's11',
    kind: 'sale',
    utc: '2025-03-31T03:59:00Z',
    localDay: '2025-03-30',
    localHour: 23,
    cashier: 'ann',
    lines: [A(1, 250, 25)],
  },
  {
    id: 's12',
    kind: 'sale',
    utc: '2025-04-01T03:59:59Z',
    localDay: '2025-03-31',
    localHour: 23,
    cashier: 'ann',
    lines: [A(2, 500, 50)],
  },
  {
    id: 's13',
    kind: 'sale',
    utc: '2025-04-01T04:00:00Z',
    localDay: '2025-04-01',
    localHour: 0,
    cashier: 'bob',
    lines: [B(1, 300, 30)],
  },
];
// Written after the first catch-up, so they reach the rollups through the insert trigger.
const SECOND: FixtureSale[] = [
  {
    id: 's5',
    kind: 'sale',
    utc: '2025-11-02T05:30:00Z',
    localDay: '2025-11-02',
    localHour: 1,
    cashier: 'bob',
    lines: [A(4, 1000, 100)],
  },
  {
    id: 's6',
    kind: 'sale',
    utc: '2025-11-02T06:30:00Z',
    localDay: '2025-11-02',
    localHour: 1,
    cashier: 'ann',
    lines: [C(2, 398, 40)],
  },
  {
    id: 's7',
    kind: 'sale',
    utc: '2025-11-03T04:30:00Z',
    localDay: '2025-11-02',
    localHour: 23,
    cashier: 'bob',
    lines: [B(1, 300, 30)],
  },
  {
    id: 's8',
    kind: 'return',
    utc: '2025-11-02T15:00:00Z',
    localDay: '2025-11-02',
    localHour: 10,
    cashier: 'bob',
    lines: [A(-1, -250, -25)],
  },
  {
    id: 's9',
    kind: 'sale',
    utc: '2025-11-03T05:30:00Z',
    localDay: '2025-11-03',
    localHour: 0,
    cashier: 'ann',
    lines: [A(1, 250, 0)],
  },
];
const ALL = [...FIRST, ...SECOND];

/** The expected additive totals of the fixture sales matching `pick`, summed by hand. */
const expectTotals = (pick: (s: FixtureSale) => boolean) => {
  const chosen = ALL.filter(pick);
  const lines = chosen.flatMap((s) => s.lines);
  return {
    orders: chosen.filter((s) => s.kind === 'sale').length,
    returns: chosen.filter((s) => s.kind === 'return').length,
    netSales: lines.reduce((a, l) => a + l.net, 0),
    units: lines.reduce((a, l) => a + l.quantity, 0),
    tax: lines.reduce((a, l) => a + l.tax, 0),
    discount: lines.reduce((a, l) => a + l.discount, 0),
    gross: lines.reduce((a, l) => a + l.net + l.discount, 0),
  };
};

const QUERY = { from: '2025-01-01', to: '2025-12-31', rankBy: 'net' as const, topN: 5 };

describe('local dashboard figures (America/New_York, across both 2025 DST changes)', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = openTestShop('America/New_York');
    insertFixtureSales(db, FIRST);
    localTrends(db, Date.parse('2025-06-01T12:00:00Z'), QUERY); // first catch-up: backfill path
    insertFixtureSales(db, SECOND);
  });

  it('rolls every sale into its local day, to the minor unit', () => {
    localTrends(db, Date.parse('2025-11-02T17:00:00Z'), QUERY);
    const rows = db.prepare('SELECT * FROM analytics_day_totals ORDER BY day').all() as Record<
      string,
      number
    >[];
    const days = [...new Set(ALL.map((s) => s.localDay))].sort();
    expect(rows.map((r) => r.day)).toEqual(days.map((d) => Number(d.replaceAll('-', ''))));
    for (const [i, d] of days.entries()) {
      const e = expectTotals((s) => s.localDay === d);
      expect(rows[i]).toEqual({
        day: rows[i]!.day,
        orders: e.orders,
        returns: e.returns,
        net: e.netSales,
        units: e.units,
        tax: e.tax,
        discount: e.discount,
        gross: e.gross,
      });
    }
  });

  it('gives months, previous-year months, growth and return rate', () => {
    const t = localTrends(db, Date.parse('2025-11-02T17:00:00Z'), QUERY);
    expect(t.source).toBe('local');
    expect(t.months.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    const march = t.months[2]!;
    const e = expectTotals((s) => s.localDay.startsWith('2025-03'));
    expect(march.totals).toMatchObject(e);
    expect(march.totals.netSales).toBe(250 + 900 + 199 - 300 + 250 + 500);
    expect(march.totals.rateOfReturn).toBe(1 / 5);
    expect(march.totals.averageOrderValue).toBe(450); // 1799 / 4 = 449.75
    expect(march.previousYear).toMatchObject(expectTotals((s) => s.localDay.startsWith('2024-03')));
    expect(march.growth).toBeCloseTo((1799 - 800) / 800, 12);
    const nov = t.months[10]!;
    expect(nov.totals).toMatchObject(expectTotals((s) => s.localDay.startsWith('2025-11')));
    expect(nov.previousYear?.netSales).toBe(199);
    expect(t.months[0]!.totals.orders).toBe(0);
    expect(t.months[0]!.growth).toBeNull();
  });

  it('gives yearly totals compared like for like', () => {
    const t = localTrends(db, 0, { ...QUERY, from: '2024-01-01', to: '2025-11-02' });
    expect(t.years.map((y) => [y.year, y.partial])).toEqual([
      [2024, false],
      [2025, true],
    ]);
    expect(t.years[0]!.totals).toMatchObject(expectTotals((s) => s.localDay.startsWith('2024')));
    expect(t.years[1]!.totals).toMatchObject(
      expectTotals((s) => s.localDay >= '2025-01-01' && s.localDay <= '2025-11-02'),
    );
    expect(t.years[1]!.previousYear).toMatchObject(
      expectTotals((s) => s.localDay >= '2024-01-01' && s.localDay <= '2024-11-02'),
    );
  });

  it('ranks top products per month and filters by category', () => {
    const t = localTrends(db, 0, QUERY);
    const nov = t.topProductsByMonth.find((m) => m.month === '2025-11')!;
    expect(nov.items.map((p) => [p.rank, p.productId, p.netSales, p.units])).toEqual([
      [1, 'A', 1000, 4],
      [2, 'C', 398, 2],
      [3, 'B', 300, 1],
    ]);
    const byUnits = localTrends(db, 0, { ...QUERY, rankBy: 'units' });
    expect(byUnits.topProductsByMonth[2]!.items.map((p) => [p.productId, p.units])).toEqual([
      ['A', 4],
      ['B', 2],
      ['C', 1],
    ]);
    const snacks = localTrends(db, 0, { ...QUERY, category: 'Snacks' });
    expect(snacks.months[2]!.totals).toMatchObject({
      orders: 1,
      returns: 1,
      netSales: 900 + 199 - 300,
      units: 3,
    });
    expect(snacks.topProductsByMonth[2]!.items.map((p) => p.productId)).toEqual(['B', 'C']);
    expect(snacks.categories).toEqual(['Drinks', 'Snacks']);
    expect(t.categoriesByMonth.filter((c) => c.month === '2025-03')).toEqual([
      { month: '2025-03', category: 'Drinks', netSales: 1000, units: 4, orders: 3 },
      { month: '2025-03', category: 'Snacks', netSales: 799, units: 3, orders: 1 },
    ]);
  });

  it('gives today live, by local hour, product, category and cashier (the 25-hour day)', () => {
    const today = todayFigures(db, Date.parse('2025-11-02T17:00:00Z'), 5);
    expect(today.day).toBe('2025-11-02');
    expect(today.totals).toMatchObject(expectTotals((s) => s.localDay === '2025-11-02'));
    expect(today.totals.averageOrderValue).toBe(483); // 1448 / 3
    expect(today.totals.rateOfReturn).toBe(0.25);
    expect(today.byHour).toHaveLength(24);
    const hours = today.byHour.filter((h) => h.orders !== 0 || h.netSales !== 0);
    expect(hours).toEqual([
      { hour: 1, orders: 2, netSales: 1398, units: 6 },
      { hour: 10, orders: 0, netSales: -250, units: -1 },
      { hour: 23, orders: 1, netSales: 300, units: 1 },
    ]);
    expect(today.topProducts.map((p) => [p.rank, p.productId, p.netSales])).toEqual([
      [1, 'A', 750],
      [2, 'C', 398],
      [3, 'B', 300],
    ]);
    expect(today.byCategory).toEqual([
      { category: 'Drinks', orders: 1, netSales: 750, units: 3 },
      { category: 'Snacks', orders: 2, netSales: 698, units: 3 },
    ]);
    expect(today.byCashier).toEqual([
      { cashierId: 'bob', cashierName: 'BOB', orders: 2, returns: 1, netSales: 1050 },
      { cashierId: 'ann', cashierName: 'ANN', orders: 1, returns: 0, netSales: 398 },
    ]);
  });

  it('agrees with itself: today live equals the rollup for the same day', () => {
    const now = Date.parse('2025-11-02T17:00:00Z');
    const today = todayFigures(db, now, 5);
    const trends = localTrends(db, now, { ...QUERY, from: '2025-11-02', to: '2025-11-02' });
    expect(trends.months[0]!.totals).toEqual(today.totals);
  });

  it('rebuilds the rollups when the store moves to another time zone', () => {
    localTrends(db, 0, QUERY);
    db.prepare("UPDATE settings SET time_zone = 'Asia/Kolkata'").run();
    const t = localTrends(db, 0, { ...QUERY, from: '2025-11-03', to: '2025-11-03' });
    // In Kolkata, s5 s6 s8 (02 Nov UTC) fall on 2 Nov; s7 and s9 on 3 Nov.
    expect(t.months[0]!.totals).toMatchObject({ orders: 2, netSales: 550 });
  });
});

describe('splitRange', () => {
  it('cuts a day range into head days, whole months and tail days', () => {
    const none = { from: 1, to: 0 };
    expect(splitRange(20250101, 20251231)).toEqual({
      head: none,
      months: { from: 202501, to: 202512 },
      tail: none,
    });
    expect(splitRange(20250115, 20250310)).toEqual({
      head: { from: 20250115, to: 20250131 },
      months: { from: 202502, to: 202502 },
      tail: { from: 20250301, to: 20250310 },
    });
    expect(splitRange(20241215, 20250110)).toEqual({
      head: { from: 20241215, to: 20241231 },
      months: none,
      tail: { from: 20250101, to: 20250110 },
    });
    expect(splitRange(20240201, 20240229)).toEqual({
      head: none,
      months: { from: 202402, to: 202402 },
      tail: none,
    });
    expect(splitRange(20250305, 20250320)).toEqual({
      head: { from: 20250305, to: 20250320 },
      months: none,
      tail: none,
    });
  });
});
