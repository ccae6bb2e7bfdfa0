// The sales KPIs of the design brief, implemented once and used by the till dashboard and the HQ
// analytics API alike, so both show the same figure for the same facts. Inputs are already-summed
// integer figures (minor units for money); outputs are integers or ratios, never money floats.
import { divRoundHalfAwayFromZero, type Minor } from '../money';

/** The additive figures every period summary is built from (rollups store exactly these). */
export interface SalesTotals {
  /** Σ line net (excluding tax), returns negative. */
  netSales: Minor;
  /** Count of sale events (returns are not orders). */
  orders: number;
  /** Count of return events. */
  returns: number;
  /** Σ quantity, returns negative. */
  units: number;
  tax: Minor;
  discount: Minor;
  gross: Minor;
}

export const EMPTY_TOTALS: SalesTotals = {
  netSales: 0,
  orders: 0,
  returns: 0,
  units: 0,
  tax: 0,
  discount: 0,
  gross: 0,
};

export const addTotals = (a: SalesTotals, b: SalesTotals): SalesTotals => ({
  netSales: a.netSales + b.netSales,
  orders: a.orders + b.orders,
  returns: a.returns + b.returns,
  units: a.units + b.units,
  tax: a.tax + b.tax,
  discount: a.discount + b.discount,
  gross: a.gross + b.gross,
});

export const sumTotals = (rows: readonly SalesTotals[]): SalesTotals =>
  rows.reduce(addTotals, EMPTY_TOTALS);

/** returns / (orders + returns); null when there was no transaction at all. */
export const rateOfReturn = (orders: number, returns: number): number | null =>
  orders + returns === 0 ? null : returns / (orders + returns);

/** net sales / orders in minor units, rounded half away from zero; null without orders. */
export const averageOrderValue = (netSales: Minor, orders: number): Minor | null =>
  orders === 0 ? null : divRoundHalfAwayFromZero(BigInt(netSales), BigInt(orders));

/**
 * Growth of `current` over `previous` as a ratio (0.25 = +25 %). Null when the base is zero,
 * because a percentage of nothing is not a number a shop owner can act on.
 */
export const growthRatio = (current: number, previous: number): number | null =>
  previous === 0 ? null : (current - previous) / Math.abs(previous);

/** Orders per minute over a window of `windowMs`; null for an empty window. */
export const ordersPerMinute = (orders: number, windowMs: number): number | null =>
  windowMs <= 0 ? null : orders / (windowMs / 60_000);

export interface SalesKpis extends SalesTotals {
  rateOfReturn: number | null;
  averageOrderValue: Minor | null;
}

export const salesKpis = (t: SalesTotals): SalesKpis => ({
  ...t,
  rateOfReturn: rateOfReturn(t.orders, t.returns),
  averageOrderValue: averageOrderValue(t.netSales, t.orders),
});
