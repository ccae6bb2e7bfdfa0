// Local catalog edits (owner only). Each saved product writes a catalog_change event carrying the
// full snapshot, in the same transaction.
import type { Product } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import { uuidv7 } from '../../../shared/uuidv7';
import { newEventId, requireSettings, type CoreContext } from '../context';
import type { ProductFields } from './catalogRepo';

/** Inserts or updates one product (caller holds the transaction and the approval). */
export const saveProduct = (
  ctx: CoreContext,
  productId: string | undefined,
  fields: ProductFields,
  userId: string,
): Product => {
  const settings = requireSettings(ctx);
  const { catalog } = ctx.repos;
  const at = ctx.clock.now();
  const existing = productId !== undefined ? catalog.get(productId) : null;
  if (productId !== undefined && !existing)
    throw new AppFailure('PRODUCT_NOT_FOUND', `No product ${productId}.`);
  const id = existing?.id ?? uuidv7(at);
  const skuOwner = catalog.getBySku(fields.sku);
  if (skuOwner && skuOwner.id !== id)
    throw new AppFailure('DUPLICATE', `SKU ${fields.sku} already belongs to ${skuOwner.name}.`);
  for (const b of fields.barcodes) {
    const owner = catalog.barcodeOwner(b);
    if (owner && owner !== id)
      throw new AppFailure('DUPLICATE', `Barcode ${b} already belongs to another product.`);
  }
  if (existing) catalog.update(id, fields, at);
  else catalog.insert(id, fields, at);
  const saved = catalog.get(id)!;
  ctx.repos.outbox.append({
    eventId: newEventId(ctx),
    type: 'catalog_change',
    storeId: settings.storeId,
    tillId: settings.tillId,
    occurredAt: at,
    payload: {
      userId,
      product: {
        productId: saved.id,
        sku: saved.sku,
        barcodes: saved.barcodes,
        name: saved.name,
        category: saved.category,
        subCategory: saved.subCategory,
        unitPrice: saved.unitPrice,
        taxRateBp: saved.taxRateBp,
        reorderLevel: saved.reorderLevel,
        leadTimeDays: saved.leadTimeDays,
        active: saved.active,
      },
    },
  });
  return saved;
};
