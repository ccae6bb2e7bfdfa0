import { z } from 'zod';
import { idSchema, minorSchema, quantitySchema, skuSchema, textSchema } from './common';

/**
 * Goods receipts and manual adjustments. Sales and returns are stock moves too, but they are
 * derived from the sale/return event (restock flag) so one fact is never sent twice.
 */
export const stockMovePayloadSchema = z.object({
  reason: z.enum(['receipt', 'adjustment', 'opening', 'count']),
  productId: idSchema,
  sku: skuSchema,
  quantity: quantitySchema,
  unitCost: minorSchema.nullable(),
  note: textSchema,
  userId: idSchema,
});
export type StockMovePayload = z.infer<typeof stockMovePayloadSchema>;
