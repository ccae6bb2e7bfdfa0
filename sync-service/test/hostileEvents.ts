// Test helper for the hostile-input suites (issue 11): one valid event of every type, every text
// field of each found by walking it, the characters no hop can store, and numbers one past their
// column's limit. A test puts each hostile value into a copy and expects the event refused.
import type { PosEvent } from '../../shared/events/envelope';
import { PG_INTEGER_MAX } from '../../shared/events/common';
import { uuidv7 } from '../../shared/uuidv7';

export interface TillIds {
  storeId: string;
  tillId: string;
}

/** NUL, other C0 controls, DEL and a lone surrogate: what Postgres text or a receipt cannot hold. */
export const HOSTILE_CHARACTERS = ['\u0000', '\u0001', '\u001b', '\u007f', '\ud800'] as const;

let seq = 1_000_000;

const base = (t: TillIds, at: number) => ({
  eventId: uuidv7(at),
  schemaVersion: 1 as const,
  storeId: t.storeId,
  tillId: t.tillId,
  seq: ++seq,
  occurredAt: at,
});

/** One valid event of every type with every optional text present, dated `at`. */
export const eventsOfEveryType = (t: TillIds, at = Date.now()): PosEvent[] => {
  const shiftId = uuidv7(at - 3_600_000);
  const line = {
    lineNo: 1,
    productId: 'p-1',
    sku: 'SKU-1',
    name: 'Mug',
    category: 'Kitchen',
    subCategory: 'Cups',
    unitPrice: 1_000,
    taxRateBp: 0,
    gross: 1_000,
    discount: 0,
    tax: 0,
    net: 1_000,
  };
  const totals = { gross: 1_000, discount: 0, tax: 0, net: 1_000, total: 1_000, units: 1 };
  const neg = { gross: -1_000, discount: 0, tax: 0, net: -1_000, total: -1_000, units: -1 };
  return [
    {
      ...base(t, at),
      type: 'sale',
      payload: {
        receiptNo: 'R-1',
        cashierId: 'c-1',
        cashierName: 'Cara',
        shiftId,
        currency: 'EUR',
        taxMode: 'inclusive',
        lines: [{ ...line, quantity: 1 }],
        payments: [{ tender: 'card', amount: 1_000, reference: 'auth-1' }],
        change: 0,
        totals,
        importRef: 'order:1',
      },
    },
    {
      ...base(t, at),
      type: 'return',
      payload: {
        receiptNo: 'RT-1',
        originalEventId: uuidv7(at - 1),
        originalReceiptNo: 'R-1',
        cashierId: 'c-1',
        cashierName: 'Cara',
        shiftId,
        currency: 'EUR',
        reason: 'broken',
        restock: false,
        lines: [{ ...line, originalLineNo: 1, quantity: -1, gross: -1_000, net: -1_000 }],
        refunds: [{ tender: 'cash', amount: -1_000, reference: 'drawer' }],
        totals: neg,
        importRef: 'return:1',
      },
    },
    {
      ...base(t, at),
      type: 'stock_move',
      payload: {
        reason: 'receipt',
        productId: 'p-1',
        sku: 'SKU-1',
        quantity: 5,
        unitCost: 400,
        note: 'delivery',
        userId: 'u-1',
      },
    },
    {
      ...base(t, at),
      type: 'shift_open',
      payload: { shiftId, cashierId: 'c-1', openingFloat: 0 },
    },
    {
      ...base(t, at),
      type: 'cash_movement',
      payload: { shiftId, userId: 'u-1', amount: 500, reason: 'change' },
    },
    {
      ...base(t, at),
      type: 'shift_close',
      payload: {
        shiftId,
        cashierId: 'c-1',
        openedAt: at - 3_600_000,
        openingFloat: 0,
        salesCount: 1,
        returnsCount: 0,
        netSales: 1_000,
        tax: 0,
        discounts: 0,
        byTender: [{ tender: 'card', amount: 1_000 }],
        cashIn: 500,
        cashOut: 0,
        expectedCash: 500,
        countedCash: 500,
        variance: 0,
      },
    },
    {
      ...base(t, at),
      type: 'catalog_change',
      payload: {
        userId: 'u-1',
        product: {
          productId: 'p-1',
          sku: 'SKU-1',
          barcodes: ['4006381333931'],
          name: 'Mug',
          category: 'Kitchen',
          subCategory: 'Cups',
          unitPrice: 1_000,
          taxRateBp: 0,
          reorderLevel: 3,
          leadTimeDays: 2,
          active: true,
        },
      },
    },
  ];
};

type Path = (string | number)[];

/** Paths of every string in a value (ids, texts, enums alike: a NUL breaks each). */
export const stringPaths = (value: unknown, at: Path = []): Path[] => {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
};

/** A deep copy of `value` with `update` applied at `path`. */
export const withAt = <T>(value: T, path: Path, update: (old: unknown) => unknown): T => {
  const copy = structuredClone(value) as unknown;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = update(node[last]);
  return copy as T;
};

/** Numbers one past the column (or schema) limit that stores them, per event type. */
export const NUMBERS_PAST_THEIR_COLUMN: ReadonlyArray<[PosEvent['type'], Path, number]> = [
  ['shift_close', ['payload', 'salesCount'], PG_INTEGER_MAX + 1],
  ['shift_close', ['payload', 'returnsCount'], PG_INTEGER_MAX + 1],
  ['shift_close', ['payload', 'openedAt'], 4_102_444_800_001],
  ['catalog_change', ['payload', 'product', 'reorderLevel'], PG_INTEGER_MAX + 1],
  ['sale', ['payload', 'totals', 'units'], 100_000_001],
  ['sale', ['payload', 'lines', 0, 'quantity'], 100_001],
  ['sale', ['payload', 'lines', 0, 'lineNo'], 10_001],
  ['sale', ['payload', 'lines', 0, 'unitPrice'], 1e13 + 1],
  ['sale', ['seq'], Number.MAX_SAFE_INTEGER + 2],
  ['stock_move', ['payload', 'quantity'], 100_001],
  ['return', ['payload', 'lines', 0, 'originalLineNo'], 10_001],
];
