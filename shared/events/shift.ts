import { z } from 'zod';
import {
  countSchema,
  epochMsSchema,
  idSchema,
  minorSchema,
  tenderSchema,
  textSchema,
  uuidSchema,
} from './common';

export const shiftOpenPayloadSchema = z.object({
  shiftId: uuidSchema,
  cashierId: idSchema,
  openingFloat: minorSchema,
});

export const cashMovementPayloadSchema = z.object({
  shiftId: uuidSchema,
  userId: idSchema,
  /** Positive = cash put into the drawer, negative = taken out. */
  amount: minorSchema,
  reason: textSchema,
});

export const shiftClosePayloadSchema = z.object({
  shiftId: uuidSchema,
  cashierId: idSchema,
  openedAt: epochMsSchema,
  openingFloat: minorSchema,
  /** warehouse shifts.sales_count / returns_count are integer columns. */
  salesCount: countSchema,
  returnsCount: countSchema,
  netSales: minorSchema,
  tax: minorSchema,
  /** Discounts given on the shift's sales (a returned item's share is inside its return). */
  discounts: minorSchema,
  byTender: z.array(z.object({ tender: tenderSchema, amount: minorSchema })).max(20),
  cashIn: minorSchema,
  cashOut: minorSchema,
  expectedCash: minorSchema,
  countedCash: minorSchema,
  variance: minorSchema,
});
export type ShiftOpenPayload = z.infer<typeof shiftOpenPayloadSchema>;
export type ShiftClosePayload = z.infer<typeof shiftClosePayloadSchema>;
export type CashMovementPayload = z.infer<typeof cashMovementPayloadSchema>;
