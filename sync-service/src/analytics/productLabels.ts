// How HQ labels a product in its figures: HQ's catalog (view chain_products) for a chain product,
// else the store's own product (store_local_products); for the chain, the stores' own label when
// they all agree. A till can never relabel a chain product, nor another store's product.

/**
 * A LATERAL join yielding `p.sku`, `p.name`, `p.category` for `productId` (a column), scoped by
 * the text parameter `storeParam` (null = chain). A column is null where the stores' labels
 * differ, and all are null for a product neither HQ nor a store in scope defines; callers fall
 * back to the product id.
 */
export const productLabelJoin = (
  productId: string,
  storeParam: string,
): string => `LEFT JOIN LATERAL (
  SELECT sku, name, category FROM (
    SELECT 0 AS rank, c.sku, c.name, c.category FROM chain_products c WHERE c.product_id = ${productId}
    UNION ALL
    SELECT 1, CASE WHEN count(DISTINCT l.sku) = 1 THEN min(l.sku) END,
      CASE WHEN count(DISTINCT l.name) = 1 THEN min(l.name) END,
      CASE WHEN count(DISTINCT l.category) = 1 THEN min(l.category) END
    FROM store_local_products l
    WHERE l.product_id = ${productId} AND (${storeParam}::text IS NULL OR l.store_id = ${storeParam}::text)
    HAVING count(*) > 0) labels
  ORDER BY rank LIMIT 1) p ON true`;
