// Tests read one product by its exact barcode or SKU through `catalog-list`, the Products
// screen's own call (the till API has no single-product read: no screen needs one). Barcode
// first, then SKU, as a scan resolves it; null when no product carries that exact code.
import type { Product } from '../../shared/api/types';

type ListCatalog = (query: string) => Promise<{ items: Product[] }>;

export const productByCode = async (list: ListCatalog, code: string): Promise<Product | null> => {
  const { items } = await list(code);
  return items.find((p) => p.barcodes.includes(code)) ?? items.find((p) => p.sku === code) ?? null;
};
