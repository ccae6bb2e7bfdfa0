import { z } from 'zod';
import { quantitySchema, textSchema, uuidSchema } from './common';
import {
  importRefSchema,
  lineAmountsShape,
  lineNoSchema,
  lineProductShape,
  receiptLinesSchema,
  receiptNoSchema,
  receiptPartiesShape,
  tendersSchema,
  totalsSchema,
} from './sale';

/** A returned line: the original line's snapshot, quantity and every amount negative. */
export const returnLineSchema = z.object({
  lineNo: lineNoSchema,
  originalLineNo: lineNoSchema,
  ...lineProductShape,
  quantity: quantitySchema.refine((q) => q < 0, 'returned quantities are negative'),
  ...lineAmountsShape,
});

export const returnPayloadSchema = z.object({
  receiptNo: receiptNoSchema,
  originalEventId: uuidSchema,
  originalReceiptNo: receiptNoSchema,
  ...receiptPartiesShape,
  reason: textSchema,
  restock: z.boolean(),
  lines: receiptLinesSchema(returnLineSchema),
  /** Refunds given back, amounts negative. */
  refunds: tendersSchema(),
  totals: totalsSchema,
  importRef: importRefSchema,
});
export type ReturnPayload = z.infer<typeof returnPayloadSchema>;
export type ReturnLine = z.infer<typeof returnLineSchema>;
