import { z } from 'zod';
import {
  currencySchema,
  idSchema,
  minorSchema,
  quantitySchema,
  skuSchema,
  taxRateBpSchema,
  tenderSchema,
  textSchema,
  uniqueLineNumbers,
  UNIQUE_LINE_NUMBERS_MESSAGE,
  uuidSchema,
} from './common';
import { storableString } from './text';

/** A sold line with the product snapshot as sold; amounts per shared/pricing.ts. */
export const saleLineSchema = z.object({
  lineNo: z.number().int().min(1).max(10_000),
  productId: idSchema,
  sku: skuSchema,
  name: textSchema,
  category: textSchema,
  subCategory: textSchema,
  unitPrice: minorSchema,
  quantity: quantitySchema.refine((q) => q > 0, 'sale quantities are positive'),
  taxRateBp: taxRateBpSchema,
  gross: minorSchema,
  discount: minorSchema,
  tax: minorSchema,
  net: minorSchema,
});

export const paymentSchema = z.object({
  tender: tenderSchema,
  amount: minorSchema,
  reference: storableString().max(100).optional(),
});

export const totalsSchema = z.object({
  gross: minorSchema,
  discount: minorSchema,
  tax: minorSchema,
  net: minorSchema,
  total: minorSchema,
  /** Σ line quantities: at most 1,000 lines of ±100,000 units. */
  units: z.number().int().min(-100_000_000).max(100_000_000),
});

export const salePayloadSchema = z.object({
  receiptNo: storableString().min(1).max(80),
  cashierId: idSchema,
  cashierName: textSchema,
  shiftId: uuidSchema.nullable(),
  currency: currencySchema,
  taxMode: z.enum(['inclusive', 'exclusive']),
  lines: z
    .array(saleLineSchema)
    .min(1)
    .max(1_000)
    .refine(uniqueLineNumbers, UNIQUE_LINE_NUMBERS_MESSAGE),
  payments: z.array(paymentSchema).min(1).max(20),
  change: minorSchema,
  totals: totalsSchema,
  /** Set when the sale came from a history import: the stable id of the source rows. */
  importRef: storableString().max(200).optional(),
});
export type SalePayload = z.infer<typeof salePayloadSchema>;
export type SaleLine = z.infer<typeof saleLineSchema>;
