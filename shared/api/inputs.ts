// Input schemas of every till API method. The core validates each call with these before doing
// anything; the renderer reuses them for form validation. Names are `domain-verb`.
import { z } from 'zod';
import { isValidDay } from '../calendar';
import { PG_INTEGER_MAX } from '../events/common';
import { TENDER_TYPES } from '../tender';
import { storableString } from '../events/text';
import { historyImportInputs } from './historyImport';

/** Typed text: control characters and broken Unicode are refused with a message (events/text.ts). */
const text = storableString;

const minor = z.number().int().min(-1e12).max(1e12);
const positiveMinor = z.number().int().min(0).max(1e12);
const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.');
const ownerPin = pin.optional();
/** A new owner's PIN is longer (issue 11): it approves discounts and refunds. */
export const NEW_OWNER_PIN_MIN_DIGITS = 6;
const NEW_OWNER_PIN_MESSAGE = `An owner's PIN is ${NEW_OWNER_PIN_MIN_DIGITS} to 8 digits.`;
const newOwnerPin = z.string().regex(/^\d{6,8}$/, NEW_OWNER_PIN_MESSAGE);
const id = text().min(1).max(64);
/** A dashboard table is a few thousand rows; this bounds one IPC message, not a real export. */
export const CSV_SAVE_MAX_CHARS = 20_000_000;
const quantity = z.number().int().min(1).max(100_000);
/** Matches the event schemas' line numbers (1..10,000). */
const lineNo = z.number().int().min(1).max(10_000);
const discount = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('amount'), amount: positiveMinor }),
    z.object({ kind: z.literal('percent'), bp: z.number().int().min(0).max(10_000) }),
  ])
  .nullable();
const payment = z.object({
  tender: z.enum(TENDER_TYPES),
  amount: z.number().int().min(1).max(1e12),
  reference: text().max(100).optional(),
});
const productFields = z.object({
  sku: text().trim().min(1).max(64),
  barcodes: z.array(text().trim().min(1).max(64)).max(20),
  name: text().trim().min(1).max(200),
  category: text().trim().max(200),
  subCategory: text().trim().max(200),
  unitPrice: positiveMinor,
  taxRateBp: z.number().int().min(0).max(10_000),
  reorderLevel: z.number().int().min(0).max(1_000_000),
  leadTimeDays: z.number().int().min(0).max(365),
  active: z.boolean(),
});
const empty = z.object({}).strict();
/** A local calendar date, YYYY-MM-DD, that exists (no 2025-02-30). */
const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD.')
  .refine((d) => {
    const y = Number(d.slice(0, 4));
    return y >= 2000 && y <= 2100 && isValidDay(d);
  }, 'Not a calendar date (years 2000 to 2100).');

export const apiInputs = {
  'setup-status': empty,
  'setup-init': z.object({
    storeName: text().trim().min(1).max(200),
    currency: z.string().regex(/^[A-Z]{3}$/),
    locale: text().min(2).max(35),
    timeZone: text().min(1).max(64),
    taxMode: z.enum(['inclusive', 'exclusive']),
    ownerName: text().trim().min(1).max(100),
    ownerPin: newOwnerPin,
    /** Load the demo shop (catalog, users, ~2 years of history). */
    demo: z.boolean(),
  }),
  'settings-get': empty,
  'settings-update': z.object({
    storeName: text().trim().min(1).max(200).optional(),
    receiptHeader: text().max(500).optional(),
    discountLimitBp: z.number().int().min(0).max(10_000).optional(),
    refundLimit: positiveMinor.optional(),
    voidApprovalLimit: positiveMinor.optional(),
    idleLockMinutes: z.number().int().min(1).max(240).optional(),
    ownerPin,
  }),

  'auth-login': z.object({ userId: id, pin }),
  'auth-logout': empty,
  'auth-current': empty,
  'users-list': empty,
  'users-create': z
    .object({
      name: text().trim().min(1).max(100),
      role: z.enum(['cashier', 'owner']),
      pin,
      ownerPin,
    })
    .refine((u) => u.role !== 'owner' || newOwnerPin.safeParse(u.pin).success, {
      message: NEW_OWNER_PIN_MESSAGE,
      path: ['pin'],
    }),
  'users-update': z.object({
    userId: id,
    name: text().trim().min(1).max(100).optional(),
    pin: pin.optional(),
    active: z.boolean().optional(),
    ownerPin,
  }),

  'catalog-search': z.object({
    query: text().max(200),
    limit: z.number().int().min(1).max(100).default(20),
  }),
  'catalog-list': z.object({
    query: text().max(200).default(''),
    category: text().max(200).optional(),
    offset: z.number().int().min(0).max(PG_INTEGER_MAX).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  'catalog-categories': empty,
  'catalog-upsert': z.object({ productId: id.optional(), product: productFields, ownerPin }),
  'catalog-import-preview': z.object({
    csv: z.string().max(200_000_000),
    kind: z.enum(['catalog', 'opening-stock']),
  }),
  'catalog-import-commit': z.object({
    csv: z.string().max(200_000_000),
    kind: z.enum(['catalog', 'opening-stock']),
    ownerPin,
  }),

  'cart-open': empty,
  'cart-get': z.object({ cartId: id }),
  'cart-add-item': z.object({
    cartId: id,
    /** Barcode or SKU (exact), or a productId picked from search. */
    code: text().trim().min(1).max(64).optional(),
    productId: id.optional(),
    quantity: quantity.default(1),
    ownerPin,
  }),
  // Every cart change re-judges the discounts it leaves, so each may need the owner's PIN.
  'cart-set-quantity': z.object({ cartId: id, lineNo, quantity, ownerPin }),
  'cart-remove-line': z.object({ cartId: id, lineNo, ownerPin }),
  'cart-set-line-discount': z.object({
    cartId: id,
    lineNo,
    discount,
    ownerPin,
  }),
  'cart-set-cart-discount': z.object({ cartId: id, discount, ownerPin }),
  'cart-override-price': z.object({
    cartId: id,
    lineNo,
    unitPrice: positiveMinor,
    ownerPin,
  }),
  'cart-park': z.object({ cartId: id, note: text().max(200).default('') }),
  'cart-list-parked': empty,
  'cart-resume': z.object({ cartId: id }),
  // A void of a sale with items needs a reason, and above the void approval limit an owner.
  'cart-void': z.object({
    cartId: id,
    reason: text().trim().max(200).default(''),
    ownerPin,
  }),
  'cart-checkout': z.object({
    cartId: id,
    payments: z.array(payment).min(1).max(20),
    ownerPin,
  }),

  'sale-receipt': z.object({
    receiptNo: text().trim().min(1).max(80).optional(),
    eventId: id.optional(),
  }),
  'sale-search': z.object({
    /** Receipt number (any case, or the sequence alone), item name or SKU, or amount paid. */
    query: text().trim().max(80).default(''),
    /** A local day of the store, YYYY-MM-DD. */
    day: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
      .optional(),
    limit: z.number().int().min(1).max(200).default(30),
  }),
  'sale-print': z.object({ eventId: id, pdf: z.boolean().default(false) }),

  'return-create': z.object({
    originalEventId: id,
    lines: z
      .array(z.object({ originalLineNo: lineNo, quantity }))
      .min(1)
      .max(1_000),
    refunds: z.array(payment).min(1).max(20),
    restock: z.boolean(),
    reason: text().trim().max(200).default(''),
    ownerPin,
  }),

  'stock-list': z.object({
    query: text().max(200).default(''),
    onlyRefill: z.boolean().default(false),
    offset: z.number().int().min(0).max(PG_INTEGER_MAX).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  'stock-moves': z.object({ productId: id, limit: z.number().int().min(1).max(500).default(50) }),
  'stock-receive': z.object({
    items: z
      .array(
        z.object({ productId: id, quantity, unitCost: positiveMinor.nullable().default(null) }),
      )
      .min(1)
      .max(1_000),
    note: text().max(200).default(''),
    ownerPin,
  }),
  'stock-adjust': z.object({
    productId: id,
    delta: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((d) => d !== 0, 'An adjustment cannot be zero.'),
    reason: text().trim().min(1, 'Give a reason for the adjustment.').max(200),
    ownerPin,
  }),

  'shift-current': empty,
  'shift-open': z.object({ openingFloat: positiveMinor }),
  'shift-cash-move': z.object({
    amount: minor.refine((a) => a !== 0, 'Amount cannot be zero.'),
    reason: text().trim().min(1).max(200),
  }),
  'shift-close': z.object({ countedCash: positiveMinor }),
  'shift-z-report': z.object({ shiftId: id }),
  'shift-join': empty,
  'shift-closed-list': z.object({
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(PG_INTEGER_MAX).default(0),
  }),

  'outbox-status': empty,

  // Dashboard (owner analytics). Days are local calendar dates in the store's time zone.
  'dashboard-today': z.object({ topN: z.number().int().min(1).max(50).default(5) }),
  /**
   * Saves a table's CSV where the owner picks (Electron's save dialog). The name is what
   * csvFileName makes; the text is CSV, so line ends are allowed (it is never stored).
   */
  'dashboard-csv-save': z.object({
    fileName: z.string().regex(/^[a-z0-9][a-z0-9-]{0,150}\.csv$/, 'Not a CSV file name.'),
    text: z.string().max(CSV_SAVE_MAX_CHARS),
  }),
  'dashboard-trends': z
    .object({
      from: localDay,
      to: localDay,
      category: text().max(200).optional(),
      rankBy: z.enum(['net', 'units']).default('net'),
      topN: z.number().int().min(1).max(50).default(5),
      /** auto: HQ figures when this till has a synced copy, local figures otherwise. */
      source: z.enum(['auto', 'local', 'hq']).default('auto'),
    })
    .refine((r) => r.from <= r.to, {
      message: 'The start date must not be after the end date.',
      path: ['from'],
    }),
  /**
   * HQ view: signs this till session in to HQ with an HQ account (the session is kept in memory
   * only, for this owner). The address defaults to the till's own sync address when enrolled.
   */
  'dashboard-hq-connect': z.object({
    hqUrl: text().trim().max(500).optional(),
    email: text().trim().min(3, 'Enter your HQ email.').max(254),
    password: text().min(1, 'Enter your HQ password.').max(200),
    /** Plain http:// to another machine (a password in clear text) needs this, as for enrolment. */
    allowInsecure: z.boolean().default(false),
  }),
  'dashboard-hq-disconnect': empty,
  'dashboard-hq': z
    .object({ from: localDay, to: localDay, storeId: id.optional() })
    .refine((r) => r.from <= r.to, {
      message: 'The start date must not be after the end date.',
      path: ['from'],
    }),

  // Sync with HQ (electron/core/sync). Enrolment trades a one-time code from HQ for a token.
  'sync-enroll': z.object({
    url: text().trim().min(1, 'Enter the sync service address.').max(500),
    code: text().trim().min(1, 'Enter the enrolment code.').max(100),
    /** Plain http:// to a host other than loopback is refused unless the owner ticks this. */
    allowInsecure: z.boolean().default(false),
  }),
  'sync-status': empty,
  /** Push and pull now instead of waiting for the next round. */
  'sync-now': empty,
  /** Acknowledges a rejected event; it stays rejected (a fact is never edited). */
  'sync-dismiss-rejected': z.object({ eventId: id }),
  /**
   * Forgets HQ's token and address and stops sending; the outbox stays, so enrolling again later
   * sends what is waiting. With events waiting, the owner must say they saw the warning.
   */
  'sync-disconnect': z.object({ pendingAcknowledged: z.boolean().default(false) }),

  // History import of past sales (electron/core/historyImport).
  ...historyImportInputs,
} as const;

export type ApiMethod = keyof typeof apiInputs;
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;
export const API_METHODS = Object.keys(apiInputs) as ApiMethod[];
