// The closed-loop test's sales plan and its own arithmetic: which sales each till rings on which
// past days (so months and years are meaningful), and the net sales HQ must then show per store,
// month and year, computed from the documented pricing rule (expectedFigures.ts), not by the code
// under test.
import { inclusiveLine } from './expectedFigures';
import { localDayOf } from '../../shared/calendar';

export interface PlanProduct {
  sku: string;
  name: string;
  category: string;
  unitPrice: number;
  taxRateBp: number;
}

export const PRODUCTS: readonly PlanProduct[] = [
  { sku: 'TEA1', name: 'Masala tea', category: 'Drinks', unitPrice: 40_00, taxRateBp: 500 },
  { sku: 'SHIRT1', name: 'Linen shirt', category: 'Apparel', unitPrice: 1_299_00, taxRateBp: 1200 },
  { sku: 'SOAP1', name: 'Neem soap', category: 'Home', unitPrice: 35_50, taxRateBp: 1800 },
];

export const TIME_ZONE = 'Asia/Kolkata';

/** YYYY-MM-DD of `ms` on the store's calendar. */
export const storeDay = (ms: number): string => localDayOf(ms, TIME_ZONE);

/**
 * The selling days: the 15th of 1, 2, 11 and 12 months ago (noon in the store), and today (null:
 * the wall clock). Always inside the dashboard's default range (start of last year to today) and
 * always spanning two calendar years.
 */
export const sellingDays = (now: number): (number | null)[] => {
  const today = storeDay(now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  // 12:00 in Asia/Kolkata is 06:30 UTC.
  const past = [12, 11, 2, 1].map((back) => Date.UTC(y, m - 1 - back, 15, 6, 30));
  return [...past, null];
};

export interface PlannedSale {
  /** UTC ms to pin the till's clock to, or null for now. */
  at: number | null;
  product: PlanProduct;
  quantity: number;
}

/** `perDay` sales on each selling day; products and quantities vary with a till-specific salt. */
export const planSales = (now: number, perDay: number, salt: number): PlannedSale[] =>
  sellingDays(now).flatMap((at) =>
    Array.from({ length: perDay }, (_, i) => ({
      at,
      product: PRODUCTS[(i + salt) % PRODUCTS.length]!,
      quantity: 1 + ((i * 7 + salt) % 4),
    })),
  );

export const lineNet = (s: Pick<PlannedSale, 'product' | 'quantity'>): number =>
  inclusiveLine(s.product.unitPrice, s.quantity, s.product.taxRateBp).net;

/** Net sales per month (YYYY-MM) and per year (YYYY); `adjust` adds returns (negative). */
export const expectedNet = (
  sales: readonly PlannedSale[],
  now: number,
  adjust: readonly { at: number; net: number }[] = [],
): { months: Map<string, number>; years: Map<string, number>; total: number } => {
  const months = new Map<string, number>();
  const years = new Map<string, number>();
  let total = 0;
  const add = (at: number, net: number) => {
    const day = storeDay(at);
    months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + net);
    years.set(day.slice(0, 4), (years.get(day.slice(0, 4)) ?? 0) + net);
    total += net;
  };
  for (const s of sales) add(s.at ?? now, lineNet(s));
  for (const a of adjust) add(a.at, a.net);
  return { months, years, total };
};

/** Adds several stores' or tills' maps together. */
export const mergeNet = (...maps: ReadonlyMap<string, number>[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v);
  return out;
};
