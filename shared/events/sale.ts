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
  reference: z.string().max(100).optional(),
});

export const totalsSchema = z.object({
  gross: minorSchema,
  discount: minorSchema,
  tax: minorSchema,
  net: minorSchema,
  total: minorSchema,
  units: z.number().int(),
});

export const salePayloadSchema = z.object({
  receiptNo: z.string().min(1).max(80),
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
  importRef: z.string().max(200).optional(),
});
export type SalePayload = z.infer<typeof salePayloadSchema>;
export type SaleLine = z.infer<typeof saleLineSchema>;
