import { z } from 'zod';
import {
  countSchema,
  idSchema,
  minorSchema,
  skuSchema,
  taxRateBpSchema,
  textSchema,
} from './common';
import { storableString } from './text';

/** A product as it stands after a local catalog edit (full snapshot, not a diff). */
export const productSnapshotSchema = z.object({
  productId: idSchema,
  sku: skuSchema,
  barcodes: z.array(storableString().min(1).max(64)).max(20),
  name: textSchema.min(1),
  category: textSchema,
  subCategory: textSchema,
  unitPrice: minorSchema.refine((p) => p >= 0, 'price cannot be negative'),
  taxRateBp: taxRateBpSchema,
  /** warehouse store_products.reorder_level is an integer column. */
  reorderLevel: countSchema,
  leadTimeDays: z.number().int().min(0).max(365),
  active: z.boolean(),
});
export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;

export const catalogChangePayloadSchema = z.object({
  product: productSnapshotSchema,
  userId: idSchema,
});
export type CatalogChangePayload = z.infer<typeof catalogChangePayloadSchema>;
