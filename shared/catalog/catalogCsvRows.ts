// The rules of a catalog CSV, one copy for the till's import and HQ's master-catalog import.
// Columns (header row required, names case-insensitive):
//   sku*, name*, price* (decimal in store currency), category, sub_category, tax_rate (percent,
//   default 0), barcodes (several separated by |), reorder_level, lead_time_days, active (yes/no)
// Rows are matched to existing products by SKU: existing SKUs are updated, new ones created.
// `columns` tells which fields the file carries, so an importer leaves the others of an existing
// product as they are (catalogRowMerge.ts, used by the till and HQ alike). A row with any error
// (including one the CSV reader found, such as extra fields) is not among `rows`, so an importer
// can import the valid rows and report the others.
import type { ImportRowError, Product } from '../api/types';
import { boolCell, intCell, moneyCell, taxRateCell, type Parsed } from './cellParsers';
import { checkColumns, type CsvTable } from './csvTable';

export const CATALOG_REQUIRED = ['sku', 'name', 'price'] as const;
export const CATALOG_OPTIONAL = [
  'category',
  'sub_category',
  'tax_rate',
  'barcodes',
  'reorder_level',
  'lead_time_days',
  'active',
] as const;
export type CatalogColumn = (typeof CATALOG_REQUIRED)[number] | (typeof CATALOG_OPTIONAL)[number];

/** A product's fields as a catalog row gives them (no id, no stock). */
export type CatalogRowFields = Omit<Product, 'id' | 'onHand'>;

/** Which product field each column fills. */
export const CATALOG_COLUMN_FIELDS: Record<CatalogColumn, keyof CatalogRowFields> = {
  sku: 'sku',
  name: 'name',
  price: 'unitPrice',
  category: 'category',
  sub_category: 'subCategory',
  tax_rate: 'taxRateBp',
  barcodes: 'barcodes',
  reorder_level: 'reorderLevel',
  lead_time_days: 'leadTimeDays',
  active: 'active',
};

/** What validation needs to know about the catalog the rows go into. */
export interface CatalogLookup {
  /** Id of the product with this SKU, or null. */
  idOfSku(sku: string): string | null;
  /** Id of the product owning this barcode, or null. */
  barcodeOwner(barcode: string): string | null;
}

export interface CatalogImportRow {
  line: number;
  existingId: string | null;
  fields: CatalogRowFields;
}

export const validateCatalogRows = (
  table: CsvTable,
  catalog: CatalogLookup,
  currency: string,
): { rows: CatalogImportRow[]; errors: ImportRowError[]; columns: Set<CatalogColumn> } => {
  const columns = new Set(
    [...CATALOG_REQUIRED, ...CATALOG_OPTIONAL].filter((c) => table.columns.includes(c)),
  );
  const errors: ImportRowError[] = [
    ...table.errors,
    ...checkColumns(table, CATALOG_REQUIRED, CATALOG_OPTIONAL),
  ];
  if (errors.some((e) => e.line === 1)) return { rows: [], errors, columns };
  const rows: CatalogImportRow[] = [];
  const linesWithReadErrors = new Set(table.errors.map((e) => e.line));
  const skusInFile = new Map<string, number>();
  const barcodesInFile = new Map<string, string>();
  for (const { line, values } of table.records) {
    const rowErrors: ImportRowError[] = [];
    const take = <T>(column: string, parsed: Parsed<T>, fallback: T): T => {
      if (parsed.ok) return parsed.value;
      rowErrors.push({ line, column, reason: parsed.reason });
      return fallback;
    };
    const text = (column: string, max: number, required: boolean): string => {
      const v = values[column] ?? '';
      if (required && v === '') rowErrors.push({ line, column, reason: 'Required.' });
      if (v.length > max)
        rowErrors.push({ line, column, reason: `Longer than ${max} characters.` });
      return v;
    };
    const sku = text('sku', 64, true);
    const fields: CatalogRowFields = {
      sku,
      name: text('name', 200, true),
      category: text('category', 200, false),
      subCategory: text('sub_category', 200, false),
      unitPrice: take('price', moneyCell(values.price ?? '', currency), 0),
      taxRateBp: take(
        'tax_rate',
        values.tax_rate ? taxRateCell(values.tax_rate) : { ok: true, value: 0 },
        0,
      ),
      barcodes: (values.barcodes ?? '')
        .split('|')
        .map((b) => b.trim())
        .filter((b) => b !== ''),
      reorderLevel: take('reorder_level', intCell(values.reorder_level ?? '', 0, 1_000_000, 0), 0),
      leadTimeDays: take('lead_time_days', intCell(values.lead_time_days ?? '', 0, 365, 0), 0),
      active: take('active', boolCell(values.active ?? '', true), true),
    };
    if (sku !== '') {
      const earlier = skusInFile.get(sku);
      if (earlier !== undefined)
        rowErrors.push({ line, column: 'sku', reason: `SKU ${sku} is also on line ${earlier}.` });
      skusInFile.set(sku, line);
    }
    const existingId = sku ? catalog.idOfSku(sku) : null;
    if (fields.barcodes.length > 20)
      rowErrors.push({ line, column: 'barcodes', reason: 'At most 20 barcodes.' });
    for (const b of fields.barcodes) {
      if (b.length > 64)
        rowErrors.push({
          line,
          column: 'barcodes',
          reason: `Barcode ${b.slice(0, 20)}… is too long.`,
        });
      const fileOwner = barcodesInFile.get(b);
      if (fileOwner !== undefined && fileOwner !== sku) {
        rowErrors.push({
          line,
          column: 'barcodes',
          reason: `Barcode ${b} is also given to SKU ${fileOwner}.`,
        });
      }
      barcodesInFile.set(b, sku);
      const dbOwner = catalog.barcodeOwner(b);
      if (dbOwner !== null && dbOwner !== existingId) {
        rowErrors.push({
          line,
          column: 'barcodes',
          reason: `Barcode ${b} already belongs to another product.`,
        });
      }
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (!linesWithReadErrors.has(line)) rows.push({ line, existingId, fields });
  }
  return { rows, errors, columns };
};
