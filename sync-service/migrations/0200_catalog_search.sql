-- Server-side search over the HQ master catalog (100,000 products and more) for the console:
-- one lower-cased text of SKU, name, category, sub-category and barcodes per product, searched
-- with ILIKE '%term%' through a trigram GIN index (pg_trgm ships with Debian's PostgreSQL). Where
-- the extension cannot be created, prefix search still has btree indexes on SKU and name.
ALTER TABLE catalog_products ADD COLUMN search_text text GENERATED ALWAYS AS (lower(
  coalesce(snapshot->>'sku', '') || ' ' || coalesce(snapshot->>'name', '') || ' ' ||
  coalesce(snapshot->>'category', '') || ' ' || coalesce(snapshot->>'subCategory', '') || ' ' ||
  coalesce(snapshot->>'barcodes', ''))) STORED;

DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX catalog_products_search ON catalog_products USING gin (search_text gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm unavailable (%): catalog search falls back to prefix indexes', SQLERRM;
END $$;

-- Pages in name order without sorting the whole catalog (byte order: "C"), also serving name
-- prefixes; SKU lookups for edits and imports.
CREATE INDEX catalog_products_name ON catalog_products ((lower(snapshot->>'name')) COLLATE "C", product_id);
CREATE INDEX catalog_products_sku ON catalog_products ((snapshot->>'sku'));
