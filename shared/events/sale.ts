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

export const lineNoSchema = z.number().int().min(1).max(10_000);

/** The product as it was sold on a line; a return line carries the original's snapshot. */
export const lineProductShape = {
  productId: idSchema,
  sku: skuSchema,
  name: textSchema,
  category: textSchema,
  subCategory: textSchema,
  unitPrice: minorSchema,
};

/** A line's tax rate and amounts, per shared/pricing.ts. */
export const lineAmountsShape = {
  taxRateBp: taxRateBpSchema,
  gross: minorSchema,
  discount: minorSchema,
  tax: minorSchema,
  net: minorSchema,
};

/** Who rang it up, in which shift and currency: the same on a sale and on a return. */
export const receiptPartiesShape = {
  cashierId: idSchema,
  cashierName: textSchema,
  shiftId: uuidSchema.nullable(),
  currency: currencySchema,
};

/** A receipt's number, as the till prints it. */
export const receiptNoSchema = storableString().min(1).max(80);

/** Set when the fact came from a history import: the stable id of the source rows. */
export const importRefSchema = storableString().max(200).optional();

/** A receipt's lines: 1 to 1,000, each line number once. */
export const receiptLinesSchema = <L extends z.ZodType<{ lineNo: number }>>(line: L) =>
  z.array(line).min(1).max(1_000).refine(uniqueLineNumbers, UNIQUE_LINE_NUMBERS_MESSAGE);

/** Payments taken or refunds given: 1 to 20 tenders. */
export const tendersSchema = () => z.array(paymentSchema).min(1).max(20);

/** A sold line with the product snapshot as sold; amounts per shared/pricing.ts. */
export const saleLineSchema = z.object({
  lineNo: lineNoSchema,
  ...lineProductShape,
  quantity: quantitySchema.refine((q) => q > 0, 'sale quantities are positive'),
  ...lineAmountsShape,
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
  receiptNo: receiptNoSchema,
  ...receiptPartiesShape,
  taxMode: z.enum(['inclusive', 'exclusive']),
  lines: receiptLinesSchema(saleLineSchema),
  payments: tendersSchema(),
  change: minorSchema,
  totals: totalsSchema,
  importRef: importRefSchema,
});
export type SalePayload = z.infer<typeof salePayloadSchema>;
export type SaleLine = z.infer<typeof saleLineSchema>;
