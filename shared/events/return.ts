import { z } from 'zod';
import {
  currencySchema,
  idSchema,
  minorSchema,
  quantitySchema,
  skuSchema,
  taxRateBpSchema,
  textSchema,
  uniqueLineNumbers,
  UNIQUE_LINE_NUMBERS_MESSAGE,
  uuidSchema,
} from './common';
import { storableString } from './text';
import { paymentSchema, totalsSchema } from './sale';

/** A returned line: the original line's snapshot, quantity and every amount negative. */
export const returnLineSchema = z.object({
  lineNo: z.number().int().min(1).max(10_000),
  originalLineNo: z.number().int().min(1).max(10_000),
  productId: idSchema,
  sku: skuSchema,
  name: textSchema,
  category: textSchema,
  subCategory: textSchema,
  unitPrice: minorSchema,
  quantity: quantitySchema.refine((q) => q < 0, 'returned quantities are negative'),
  taxRateBp: taxRateBpSchema,
  gross: minorSchema,
  discount: minorSchema,
  tax: minorSchema,
  net: minorSchema,
});

export const returnPayloadSchema = z.object({
  receiptNo: storableString().min(1).max(80),
  originalEventId: uuidSchema,
  originalReceiptNo: storableString().min(1).max(80),
  cashierId: idSchema,
  cashierName: textSchema,
  shiftId: uuidSchema.nullable(),
  currency: currencySchema,
  reason: textSchema,
  restock: z.boolean(),
  lines: z
    .array(returnLineSchema)
    .min(1)
    .max(1_000)
    .refine(uniqueLineNumbers, UNIQUE_LINE_NUMBERS_MESSAGE),
  /** Refunds given back, amounts negative. */
  refunds: z.array(paymentSchema).min(1).max(20),
  totals: totalsSchema,
  importRef: storableString().max(200).optional(),
});
export type ReturnPayload = z.infer<typeof returnPayloadSchema>;
export type ReturnLine = z.infer<typeof returnLineSchema>;
