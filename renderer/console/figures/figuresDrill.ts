// The figures drill-down's own arithmetic: which stores make up a region (the analytics API names
// a store without a region "Unknown"), the breakdown rows of those stores, their totals through
// shared/kpi, and "as of" per store from the tills' last applied events.
import { salesKpis, type SalesKpis } from '../../../shared/kpi';
import type { BreakdownRow, TillSyncRow } from '../../../shared/sync/analyticsApi';
import { localDayOf } from '../../../shared/calendar';

/** The region key the analytics API gives a store (breakdownRepo: empty → 'Unknown'). */
export const regionKeyOf = (region: string): string => (region.trim() === '' ? 'Unknown' : region);

export const storesOfRegion = (
  stores: readonly { storeId: string; region: string }[],
  regionKey: string,
): Set<string> =>
  new Set(stores.filter((s) => regionKeyOf(s.region) === regionKey).map((s) => s.storeId));

/** The by-store breakdown rows of the region's stores. */
export const rowsOfStores = (rows: readonly BreakdownRow[], storeIds: ReadonlySet<string>) =>
  rows.filter((r) => storeIds.has(r.key));

/** Totals of breakdown rows as KPIs (tax, discount and gross are not in a breakdown: zero). */
export const totalsOfRows = (rows: readonly BreakdownRow[]): SalesKpis =>
  salesKpis({
    netSales: rows.reduce((a, r) => a + r.netSales, 0),
    orders: rows.reduce((a, r) => a + (r.orders ?? 0), 0),
    returns: rows.reduce((a, r) => a + (r.returns ?? 0), 0),
    units: rows.reduce((a, r) => a + r.units, 0),
    tax: 0,
    discount: 0,
    gross: 0,
  });

/** Per store: the latest event time applied to the warehouse from any of its tills. */
export const asOfByStore = (rows: readonly TillSyncRow[]): Map<string, number | null> => {
  const out = new Map<string, number | null>();
  for (const r of rows) {
    const prev = out.get(r.storeId) ?? null;
    const t = r.appliedEventAt;
    out.set(r.storeId, t === null ? prev : prev === null ? t : Math.max(prev, t));
  }
  return out;
};

/** The default range: the start of last year to today, so every month has its year-ago twin. */
export const defaultRange = (today: string): { from: string; to: string } => ({
  from: `${Number(today.slice(0, 4)) - 1}-01-01`,
  to: today,
});

/** Today on a calendar, YYYY-MM-DD (undefined zone: the viewer's). */
export const dayIn = (timeZone: string | undefined, now: number): string => {
  try {
    return localDayOf(now, timeZone);
  } catch {
    return localDayOf(now); // an unknown zone: the viewer's calendar
  }
};

/**
 * The latest "today" of any store: a chain spans time zones, and a range ending on the viewer's
 * today would leave out the sales of a store already in tomorrow (HQ in London at 19:30 misses
 * Kolkata's sales after midnight there). The viewer's today when there is no store yet.
 */
export const latestStoreToday = (timeZones: readonly string[], now: number = Date.now()): string =>
  timeZones.map((z) => dayIn(z, now)).reduce((a, b) => (b > a ? b : a), dayIn(undefined, now));
