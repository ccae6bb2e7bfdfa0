// The HTTP contract of the HQ analytics API (GET /v1/analytics/...), consumed by the till
// dashboard and HQ screens. Both sides use these schemas and types. Money is integer minor units
// of the store's currency; days are the store's local calendar days (YYYY-MM-DD).
//
// Every 200 answer carries an ETag (also in `meta.version`) and `meta.asOf`; send it back as
// If-None-Match to get 304 when nothing in scope changed. Errors: `{ code, message }` with 400
// BAD_REQUEST, 401 UNAUTHENTICATED, 403 FORBIDDEN (a till asking for another store or the chain).
import { z } from 'zod';
import { storableString } from '../events/text';
import type { RefillReason, SalesKpis, StockLevel } from '../kpi';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ANALYTICS_GRAINS = ['day', 'month', 'year'] as const;
export type AnalyticsGrain = (typeof ANALYTICS_GRAINS)[number];

/**
 * `category` is grouped by sold-as category: the category on each sale line when it was sold (as
 * the till's own figures group), not the product's current one. `cashier` keys are the cashier id
 * for a store, `storeId/cashierId` for the chain (cashiers belong to a store).
 */
export const BREAKDOWN_DIMENSIONS = [
  'category',
  'store',
  'region',
  'till',
  'cashier',
  'hour',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Who the figures are for: the whole chain (admin only) or one store. */
export const scopeQuerySchema = z.object({
  scope: z.enum(['chain', 'store']).default('store'),
  /** Required for an admin asking for a store; a till may omit it (its own store). */
  storeId: storableString().min(1).max(64).optional(),
});

export const rangeQuerySchema = scopeQuerySchema.extend({
  from: daySchema,
  to: daySchema,
});

export const summaryQuerySchema = rangeQuerySchema.extend({
  grain: z.enum(ANALYTICS_GRAINS).default('month'),
});
export const topProductsQuerySchema = rangeQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export const breakdownQuerySchema = rangeQuerySchema.extend({ by: z.enum(BREAKDOWN_DIMENSIONS) });
export const stockQuerySchema = scopeQuerySchema.extend({
  /** The day the 28-day sales window ends on; defaults to today (UTC). */
  at: daySchema.optional(),
  refillOnly: z.enum(['true', 'false']).default('false'),
});

export type SummaryQuery = z.input<typeof summaryQuerySchema>;
export type TopProductsQuery = z.input<typeof topProductsQuerySchema>;
export type BreakdownQuery = z.input<typeof breakdownQuerySchema>;
export type StockQuery = z.input<typeof stockQuerySchema>;

export interface AnalyticsMeta {
  scope: 'chain' | 'store';
  storeId: string | null;
  /** Latest occurredAt (UTC ms) applied for the scope; null before any event. */
  asOf: number | null;
  /** When that was applied (UTC ms). */
  appliedAt: number | null;
  /** Same value as the ETag header. */
  version: string;
  /** The one currency of the stores in scope, or null when they differ. */
  currency: string | null;
}

export interface PeriodFigures extends SalesKpis {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  period: string;
  /** Net sales growth over the previous period of the same grain (month-over-month for months). */
  previousPeriodGrowth: number | null;
  /** Net sales growth over the same period one year earlier. */
  yearOverYearGrowth: number | null;
}

export interface SummaryResponse {
  meta: AnalyticsMeta;
  grain: AnalyticsGrain;
  from: string;
  to: string;
  periods: PeriodFigures[];
  totals: SalesKpis;
}

/**
 * A product's figures, labelled by HQ's catalog for a chain product, else by the store's own
 * product (for the chain: the stores' label when they agree, else the product id). A till never
 * changes a chain product's label.
 */
export interface TopProductRow {
  rank: number;
  productId: string;
  sku: string;
  name: string;
  category: string;
  netSales: number;
  units: number;
}

export interface TopProductsMonth {
  /** YYYY-MM. */
  month: string;
  byNetSales: TopProductRow[];
  byUnits: TopProductRow[];
}

export interface TopProductsResponse {
  meta: AnalyticsMeta;
  from: string;
  to: string;
  months: TopProductsMonth[];
}

export interface BreakdownRow {
  key: string;
  label: string;
  netSales: number;
  /** Null for category: an order spans categories. */
  orders: number | null;
  returns: number | null;
  units: number;
}

export interface BreakdownResponse {
  meta: AnalyticsMeta;
  by: BreakdownDimension;
  from: string;
  to: string;
  rows: BreakdownRow[];
}

export interface StockRow extends StockLevel {
  storeId: string;
  unitsLast28Days: number;
  daysOfCover: number | null;
  needsRefill: boolean;
  reasons: RefillReason[];
}

export interface StockResponse {
  meta: AnalyticsMeta;
  at: string;
  rows: StockRow[];
}

/** One SSE message (`event: analytics`) on GET /v1/analytics/stream: a store's figures changed. */
export interface AnalyticsChange {
  storeId: string;
  version: number;
  asOf: number;
}

/** GET /v1/analytics/tills: HQ's per-till last sync (admin: chain or any store; a till: its own). */
export const tillSyncQuerySchema = scopeQuerySchema;
export type TillSyncQuery = z.input<typeof tillSyncQuerySchema>;

/** One till's last contact with HQ. Times are UTC ms; null = never. */
export interface TillSyncRow {
  storeId: string;
  storeName: string;
  /** The store's IANA zone, for showing times in the store's local clock. */
  timeZone: string;
  tillId: string;
  tillName: string;
  enrolledAt: number | null;
  /** When the gateway last accepted a push from this till. */
  lastPushAt: number | null;
  /** Events in that push. */
  lastPushEvents: number | null;
  /** Accepted push requests so far. */
  pushes: number;
  /** Highest sequence / event time the gateway accepted from the till. */
  pushedSeq: number | null;
  pushedEventAt: number | null;
  /** Highest sequence applied to the warehouse, that event's time and when it was applied. */
  appliedSeq: number | null;
  appliedEventAt: number | null;
  appliedAt: number | null;
}

export interface TillSyncResponse {
  scope: 'chain' | 'store';
  storeId: string | null;
  /** HQ's clock when answering (UTC ms): ages are measured against it, not the viewer's clock. */
  serverTime: number;
  rows: TillSyncRow[];
}

/**
 * GET /v1/analytics/live?scope=&storeId=: the last 60 minutes up to HQ's clock, from the facts
 * (not the day rollups), so HQ watches the current hour; refetch on an `analytics` stream message.
 */
export const liveQuerySchema = scopeQuerySchema;
export type LiveQuery = z.input<typeof liveQuerySchema>;

export interface LiveMinute {
  /** Start of the minute (UTC ms). */
  minute: number;
  orders: number;
  netSales: number;
}

export interface LiveHourResponse {
  meta: AnalyticsMeta;
  windowStart: number;
  windowEnd: number;
  /** All 60 minutes, empty ones with zeros, oldest first. */
  minutes: LiveMinute[];
  /** Orders, returns, net sales, units, average order value and rate of return (shared/kpi). */
  totals: SalesKpis;
  ordersPerMinute: number;
  topProducts: TopProductRow[];
}
