// The wire contract: what a till writes to its outbox, what the gateway accepts and what the
// warehouse consumer applies, validated by this one schema at every hop. Versioned: a change that
// is not backward compatible adds schemaVersion 2 beside 1, never edits 1.
import { z } from 'zod';
import { idSchema, uuidSchema } from './common';
import { catalogChangePayloadSchema } from './catalog';
import { returnPayloadSchema } from './return';
import { salePayloadSchema } from './sale';
import { pinFailedPayloadSchema } from './security';
import {
  cashMovementPayloadSchema,
  shiftClosePayloadSchema,
  shiftOpenPayloadSchema,
} from './shift';
import { stockMovePayloadSchema } from './stock';
import { cartVoidPayloadSchema } from './void';

export const CURRENT_SCHEMA_VERSION = 1;
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

const base = {
  eventId: uuidSchema,
  schemaVersion: z.literal(1),
  storeId: idSchema,
  tillId: idSchema,
  /** Per-till monotonic sequence, starting at 1, no gaps. */
  seq: z.number().int().min(1),
  /** UTC epoch milliseconds when the fact happened at the till. */
  occurredAt: z.number().int().min(946_684_800_000).max(4_102_444_800_000),
};

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('sale'), payload: salePayloadSchema }),
  z.object({ ...base, type: z.literal('return'), payload: returnPayloadSchema }),
  z.object({ ...base, type: z.literal('stock_move'), payload: stockMovePayloadSchema }),
  z.object({ ...base, type: z.literal('shift_open'), payload: shiftOpenPayloadSchema }),
  z.object({ ...base, type: z.literal('shift_close'), payload: shiftClosePayloadSchema }),
  z.object({ ...base, type: z.literal('cash_movement'), payload: cashMovementPayloadSchema }),
  z.object({ ...base, type: z.literal('catalog_change'), payload: catalogChangePayloadSchema }),
  z.object({ ...base, type: z.literal('pin_failed'), payload: pinFailedPayloadSchema }),
  z.object({ ...base, type: z.literal('cart_void'), payload: cartVoidPayloadSchema }),
]);

export type PosEvent = z.infer<typeof eventSchema>;
export type EventType = PosEvent['type'];
export type EventOf<T extends EventType> = Extract<PosEvent, { type: T }>;
export const EVENT_TYPES: readonly EventType[] = [
  'sale',
  'return',
  'stock_move',
  'shift_open',
  'shift_close',
  'cash_movement',
  'catalog_change',
  'pin_failed',
  'cart_void',
];

export type EventValidation =
  | { ok: true; event: PosEvent }
  | { ok: false; code: 'INVALID_EVENT' | 'UNSUPPORTED_SCHEMA_VERSION'; message: string };

/** Validates an unknown value as an event; never throws. */
export const validateEvent = (value: unknown): EventValidation => {
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
    const v = (value as { schemaVersion: unknown }).schemaVersion;
    if (typeof v === 'number' && !(SUPPORTED_SCHEMA_VERSIONS as readonly number[]).includes(v)) {
      return {
        ok: false,
        code: 'UNSUPPORTED_SCHEMA_VERSION',
        message: `schemaVersion ${v} is not supported`,
      };
    }
  }
  const parsed = eventSchema.safeParse(value);
  if (parsed.success) return { ok: true, event: parsed.data };
  const first = parsed.error.issues[0];
  const where = first ? first.path.join('.') : '';
  return {
    ok: false,
    code: 'INVALID_EVENT',
    message: `${where || 'event'}: ${first?.message ?? 'invalid'}`,
  };
};
