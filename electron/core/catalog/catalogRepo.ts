// Products and their barcodes. Lookups by barcode and SKU are exact index hits; text search goes
// through the FTS5 index, so nothing here ever loads the whole catalog.
import type Database from 'better-sqlite3';
import type { Product } from '../../../shared/api/types';
import { ftsPrefixQuery } from './ftsQuery';

interface ProductRow {
  num: number;
  id: string;
  sku: string;
  name: string;
  category: string;
  sub_category: string;
  unit_price: number;
  tax_rate_bp: number;
  reorder_level: number;
  lead_time_days: number;
  active: number;
  on_hand: number;
}

export type ProductFields = Omit<Product, 'id' | 'onHand'>;

/** Up to this many matches a search is ranked by relevance (bm25); beyond, it is not. */
const RANK_AT_MOST = 200;

export const catalogRepo = (db: Database.Database) => {
  const byId = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE id = ?');
  const bySku = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE sku = ?');
  const byBarcode = db.prepare<[string], ProductRow>(
    'SELECT p.* FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?',
  );
  const barcodesOf = db.prepare<[string], { barcode: string }>(
    'SELECT barcode FROM barcodes WHERE product_id = ? ORDER BY barcode',
  );
  const barcodeOwner = db.prepare<[string], { product_id: string }>(
    'SELECT product_id FROM barcodes WHERE barcode = ?',
  );
  const search = db.prepare<[string, number], ProductRow>(
    `SELECT p.* FROM product_fts JOIN products p ON p.num = product_fts.rowid
     WHERE product_fts MATCH ? ORDER BY rank LIMIT ?`,
  );
  // How many matches there are, up to a cap: streams the doclist in rowid order and stops early.
  const matchesUpTo = db.prepare<[string, number], { n: number }>(
    `SELECT count(*) AS n FROM (SELECT rowid FROM product_fts WHERE product_fts MATCH ? LIMIT ?)`,
  );
  const firstMatches = db.prepare<[string, number], ProductRow>(
    `SELECT p.* FROM product_fts JOIN products p ON p.num = product_fts.rowid
     WHERE product_fts MATCH ? LIMIT ?`,
  );
  const listAll = db.prepare<[number, number], ProductRow>(
    'SELECT * FROM products ORDER BY name, num LIMIT ? OFFSET ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products');
  const listCategory = db.prepare<[string, number, number], ProductRow>(
    'SELECT * FROM products WHERE category = ? ORDER BY name, num LIMIT ? OFFSET ?',
  );
  const countCategory = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM products WHERE category = ?',
  );
  const listMatch = db.prepare<[string, string | null, string | null, number, number], ProductRow>(
    `SELECT p.* FROM product_fts JOIN products p ON p.num = product_fts.rowid
     WHERE product_fts MATCH ? AND (? IS NULL OR p.category = ?) ORDER BY p.name, p.num LIMIT ? OFFSET ?`,
  );
  const countMatch = db.prepare<[string, string | null, string | null], { n: number }>(
    `SELECT count(*) AS n FROM product_fts JOIN products p ON p.num = product_fts.rowid
     WHERE product_fts MATCH ? AND (? IS NULL OR p.category = ?)`,
  );
  const categories = db.prepare<[], { category: string }>(
    "SELECT DISTINCT category FROM products WHERE category <> '' ORDER BY category",
  );
  const insert = db.prepare(
    `INSERT INTO products (id, sku, name, category, sub_category, unit_price, tax_rate_bp, reorder_level,
       lead_time_days, active, updated_at)
     VALUES (@id, @sku, @name, @category, @subCategory, @unitPrice, @taxRateBp, @reorderLevel,
       @leadTimeDays, @active, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE products SET sku = @sku, name = @name, category = @category, sub_category = @subCategory,
       unit_price = @unitPrice, tax_rate_bp = @taxRateBp, reorder_level = @reorderLevel,
       lead_time_days = @leadTimeDays, active = @active, updated_at = @updatedAt WHERE id = @id`,
  );
  const deleteBarcodes = db.prepare<[string]>('DELETE FROM barcodes WHERE product_id = ?');
  const releaseBarcode = db.prepare<[string, string]>(
    'DELETE FROM barcodes WHERE barcode = ? AND product_id <> ?',
  );
  const moveSkuAside = db.prepare<[string, string, string]>(
    'UPDATE products SET sku = ? WHERE sku = ? AND id <> ?',
  );
  const insertBarcode = db.prepare<[string, string]>(
    'INSERT INTO barcodes (barcode, product_id) VALUES (?, ?)',
  );
  const onHandOf = db.prepare<[string], { on_hand: number }>(
    'SELECT on_hand FROM products WHERE id = ?',
  );

  /**
   * bm25 ranking scores every match, which for a two-letter prefix over 100,000 products is
   * thousands of rows per keystroke. Rank only a small match set; a large one (the cashier is
   * still typing) answers with its first matches in catalog order, an index walk that stops at
   * `limit`.
   */
  const searchText = (match: string, limit: number): ProductRow[] =>
    matchesUpTo.get(match, RANK_AT_MOST + 1)!.n <= RANK_AT_MOST
      ? search.all(match, limit)
      : firstMatches.all(match, limit);

  const toProduct = (r: ProductRow): Product => ({
    id: r.id,
    sku: r.sku,
    barcodes: barcodesOf.all(r.id).map((b) => b.barcode),
    name: r.name,
    category: r.category,
    subCategory: r.sub_category,
    unitPrice: r.unit_price,
    taxRateBp: r.tax_rate_bp,
    reorderLevel: r.reorder_level,
    leadTimeDays: r.lead_time_days,
    active: r.active === 1,
    onHand: r.on_hand,
  });

  const writeRow = (id: string, p: ProductFields, updatedAt: number) => ({
    id,
    sku: p.sku,
    name: p.name,
    category: p.category,
    subCategory: p.subCategory,
    unitPrice: p.unitPrice,
    taxRateBp: p.taxRateBp,
    reorderLevel: p.reorderLevel,
    leadTimeDays: p.leadTimeDays,
    active: p.active ? 1 : 0,
    updatedAt,
  });

  const replaceBarcodes = (id: string, barcodes: readonly string[]) => {
    deleteBarcodes.run(id);
    for (const b of new Set(barcodes)) insertBarcode.run(b, id);
  };

  return {
    get: (id: string): Product | null => {
      const r = byId.get(id);
      return r ? toProduct(r) : null;
    },
    getBySku: (sku: string): Product | null => {
      const r = bySku.get(sku);
      return r ? toProduct(r) : null;
    },
    /** Exact scan/typed code: barcode first (scanners), then SKU. */
    lookup: (code: string): Product | null => {
      const r = byBarcode.get(code) ?? bySku.get(code);
      return r ? toProduct(r) : null;
    },
    barcodeOwner: (barcode: string): string | null => barcodeOwner.get(barcode)?.product_id ?? null,
    search: (text: string, limit: number): Product[] => {
      const exact = text.trim()
        ? (byBarcode.get(text.trim()) ?? bySku.get(text.trim()))
        : undefined;
      const match = ftsPrefixQuery(text);
      const rows = match ? searchText(match, limit) : [];
      const merged = exact ? [exact, ...rows.filter((r) => r.num !== exact.num)] : rows;
      return merged.slice(0, limit).map(toProduct);
    },
    list: (
      text: string,
      category: string | null,
      offset: number,
      limit: number,
    ): { items: Product[]; total: number } => {
      // Barcodes are not in the text index: a typed or scanned code that is exactly a barcode
      // names that one product (the search box offers "name, SKU or barcode").
      const scanned = text.trim() ? byBarcode.get(text.trim()) : undefined;
      if (scanned && (category === null || scanned.category === category))
        return { items: offset === 0 && limit > 0 ? [toProduct(scanned)] : [], total: 1 };
      const match = ftsPrefixQuery(text);
      if (match) {
        return {
          items: listMatch.all(match, category, category, limit, offset).map(toProduct),
          total: countMatch.get(match, category, category)!.n,
        };
      }
      if (category !== null) {
        return {
          items: listCategory.all(category, limit, offset).map(toProduct),
          total: countCategory.get(category)!.n,
        };
      }
      return { items: listAll.all(limit, offset).map(toProduct), total: countAll.get()!.n };
    },
    categories: (): string[] => categories.all().map((c) => c.category),
    insert: (id: string, p: ProductFields, at: number): void => {
      insert.run(writeRow(id, p, at));
      replaceBarcodes(id, p.barcodes);
    },
    update: (id: string, p: ProductFields, at: number): void => {
      update.run(writeRow(id, p, at));
      replaceBarcodes(id, p.barcodes);
    },
    onHand: (id: string): number | null => onHandOf.get(id)?.on_hand ?? null,
    /** HQ's catalog gives `barcode` to `keeper`: any other product holding it lets it go. */
    releaseBarcode: (barcode: string, keeper: string): void =>
      void releaseBarcode.run(barcode, keeper),
    /**
     * HQ's catalog gives `sku` to `keeper`: another (local-only) product holding it keeps its
     * data under `asideSku` instead.
     */
    moveSkuAside: (sku: string, asideSku: string, keeper: string): void =>
      void moveSkuAside.run(asideSku, sku, keeper),
  };
};
export type CatalogRepo = ReturnType<typeof catalogRepo>;
