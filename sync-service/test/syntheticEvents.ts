// A seeded generator of realistic, schema-valid POS events (sales, partial returns, goods
// receipts, catalog changes), priced by shared/pricing.ts exactly as a till would. Integration
// tests and the sync benchmark feed it to the real gateway/Kafka/consumer; same seed, same events.
import type { EventOf, PosEvent } from '../../shared/events/index';
import { priceCart, type TaxMode } from '../../shared/pricing';

export interface SyntheticStore {
  storeId: string;
  timeZone: string;
  tills: string[];
}

export interface SyntheticOptions {
  seed: number;
  stores: SyntheticStore[];
  products: number;
  /** Inclusive range of occurredAt (UTC ms) the events are spread over, in time order. */
  fromMs: number;
  toMs: number;
  /** Share of returns among sale/return events. */
  returnRate?: number;
  /** Share of stock receipts among all events. */
  receiptRate?: number;
  maxLines?: number;
}

const CATEGORIES = [
  ['Grocery', 'Staples'],
  ['Grocery', 'Snacks'],
  ['Dairy', 'Milk'],
  ['Beverages', 'Soft drinks'],
  ['Household', 'Cleaning'],
  ['Personal care', 'Soap'],
] as const;

/** mulberry32: tiny, fast, good enough to shuffle test data deterministically. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const hex = (rnd: () => number, n: number): string =>
  Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');

export const seededUuid = (rnd: () => number): string =>
  `${hex(rnd, 8)}-${hex(rnd, 4)}-7${hex(rnd, 3)}-${'89ab'[Math.floor(rnd() * 4)]}${hex(rnd, 3)}-${hex(rnd, 12)}`;

export interface SyntheticProduct {
  productId: string;
  sku: string;
  name: string;
  category: string;
  subCategory: string;
  unitPrice: number;
  taxRateBp: number;
}

export const syntheticProducts = (n: number): SyntheticProduct[] =>
  Array.from({ length: n }, (_, i) => {
    const [category, subCategory] = CATEGORIES[i % CATEGORIES.length]!;
    return {
      productId: `p-${String(i + 1).padStart(5, '0')}`,
      sku: `SKU${String(i + 1).padStart(5, '0')}`,
      name: `Product ${i + 1}`,
      category,
      subCategory,
      unitPrice: 50 + ((i * 7919) % 4_950),
      taxRateBp: [0, 500, 1_200, 1_800][i % 4]!,
    };
  });

/** Generates `count` events in time order. */
export const generateEvents = (count: number, o: SyntheticOptions): PosEvent[] => {
  const rnd = seededRandom(o.seed);
  const products = syntheticProducts(o.products);
  const seqs = new Map<string, number>();
  const recentSales = new Map<string, EventOf<'sale'>[]>();
  const events: PosEvent[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const span = Math.max(1, o.toMs - o.fromMs);
  const mode: TaxMode = 'inclusive';

  for (let i = 0; i < count; i++) {
    const store = pick(o.stores);
    const tillId = pick(store.tills);
    const tillKey = `${store.storeId}/${tillId}`;
    const seq = (seqs.get(tillKey) ?? 0) + 1;
    seqs.set(tillKey, seq);
    const occurredAt = o.fromMs + Math.floor((span * i) / Math.max(1, count - 1));
    const base = {
      eventId: seededUuid(rnd),
      schemaVersion: 1 as const,
      storeId: store.storeId,
      tillId,
      seq,
      occurredAt,
    };
    const roll = rnd();
    const sales = recentSales.get(store.storeId) ?? [];

    if (roll < (o.receiptRate ?? 0.03)) {
      const p = pick(products);
      events.push({
        ...base,
        type: 'stock_move',
        payload: {
          reason: 'receipt',
          productId: p.productId,
          sku: p.sku,
          quantity: 1 + Math.floor(rnd() * 200),
          unitCost: p.unitPrice,
          note: '',
          userId: 'u-1',
        },
      });
      continue;
    }
    if (roll < (o.receiptRate ?? 0.03) + (o.returnRate ?? 0.05) && sales.length > 0) {
      const original = pick(sales);
      const line = pick(original.payload.lines);
      const q = Math.max(1, Math.floor(line.quantity / 2));
      const part = (x: number): number => -Math.trunc((x * q) / line.quantity);
      const refund = part(line.gross - line.discount);
      const tax = part(line.tax);
      events.push({
        ...base,
        type: 'return',
        payload: {
          receiptNo: `R-${seq}`,
          originalEventId: original.eventId,
          originalReceiptNo: original.payload.receiptNo,
          cashierId: original.payload.cashierId,
          cashierName: original.payload.cashierName,
          shiftId: null,
          currency: 'USD',
          reason: 'damaged',
          restock: rnd() < 0.5,
          lines: [
            {
              lineNo: 1,
              originalLineNo: line.lineNo,
              productId: line.productId,
              sku: line.sku,
              name: line.name,
              category: line.category,
              subCategory: line.subCategory,
              unitPrice: line.unitPrice,
              quantity: -q,
              taxRateBp: line.taxRateBp,
              gross: part(line.gross),
              discount: part(line.discount),
              tax,
              net: refund - tax,
            },
          ],
          refunds: [{ tender: 'cash', amount: refund }],
          totals: {
            gross: part(line.gross),
            discount: part(line.discount),
            tax,
            net: refund - tax,
            total: refund,
            units: -q,
          },
        },
      });
      continue;
    }
    const lineCount = 1 + Math.floor(rnd() * (o.maxLines ?? 5));
    const chosen = Array.from({ length: lineCount }, () => ({
      p: pick(products),
      quantity: 1 + Math.floor(rnd() * 4),
    }));
    const priced = priceCart(
      chosen.map((c) => ({
        unitPrice: c.p.unitPrice,
        quantity: c.quantity,
        taxRateBp: c.p.taxRateBp,
        discount: rnd() < 0.1 ? { kind: 'percent' as const, bp: 1_000 } : null,
      })),
      null,
      mode,
    );
    const cashierId = `c-${store.storeId}-${1 + Math.floor(rnd() * 3)}`;
    const sale: EventOf<'sale'> = {
      ...base,
      type: 'sale',
      payload: {
        receiptNo: `S-${seq}`,
        cashierId,
        cashierName: `Cashier ${cashierId}`,
        shiftId: null,
        currency: 'USD',
        taxMode: mode,
        lines: chosen
          .map((c, j) => ({
            lineNo: j + 1,
            productId: c.p.productId,
            sku: c.p.sku,
            name: c.p.name,
            category: c.p.category,
            subCategory: c.p.subCategory,
            unitPrice: c.p.unitPrice,
            quantity: c.quantity,
            taxRateBp: c.p.taxRateBp,
            ...priced.lines[j]!,
          }))
          .map(({ total: _total, ...line }) => line),
        payments: [{ tender: rnd() < 0.6 ? 'cash' : 'card', amount: priced.totals.total }],
        change: 0,
        totals: priced.totals,
      },
    };
    events.push(sale);
    sales.push(sale);
    if (sales.length > 50) sales.shift();
    recentSales.set(store.storeId, sales);
  }
  return events;
};

/** Catalog changes that set each product's reorder level and lead time in each store. */
export const catalogEvents = (o: SyntheticOptions, atMs: number): PosEvent[] => {
  const rnd = seededRandom(o.seed ^ 0x5eed);
  return o.stores.flatMap((store, s) =>
    syntheticProducts(o.products).map((p, i) => ({
      eventId: seededUuid(rnd),
      schemaVersion: 1 as const,
      storeId: store.storeId,
      tillId: 'hq',
      seq: s * o.products + i + 1,
      occurredAt: atMs,
      type: 'catalog_change' as const,
      payload: {
        userId: 'hq-admin',
        product: {
          productId: p.productId,
          sku: p.sku,
          barcodes: [],
          name: p.name,
          category: p.category,
          subCategory: p.subCategory,
          unitPrice: p.unitPrice,
          taxRateBp: p.taxRateBp,
          reorderLevel: 10 + (i % 20),
          leadTimeDays: 3 + (i % 5),
          active: true,
        },
      },
    })),
  );
};
