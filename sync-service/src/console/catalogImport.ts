// Plans a catalog CSV import into the HQ master catalog with the till's rules
// (shared/catalog/catalogCsvRows.ts): the preview (counts, per-row errors, field-by-field
// changes) and the product snapshots to publish. Rows update products by SKU; an updated
// product keeps the fields whose columns the file does not have (a price-only file changes
// prices, it does not blank categories). Pure: the caller loads the catalog index and writes.
import type { CatalogImportPreview } from '../../../shared/console/consoleApi';
import { validateCatalogRows } from '../../../shared/catalog/catalogCsvRows';
import { mergeCatalogRow } from '../../../shared/catalog/catalogRowMerge';
import { readCsv } from '../../../shared/catalog/csvTable';
import type { ProductSnapshot } from '../../../shared/events/catalog';

/** How many updated rows the preview details field by field. */
export const PREVIEW_CHANGES = 200;
/** How many row errors the preview lists. */
export const PREVIEW_ERRORS = 500;

export interface CatalogIndex {
  bySku: Map<string, ProductSnapshot>;
  barcodeOwner: Map<string, string>;
}

export interface CatalogImportPlan {
  preview: CatalogImportPreview;
  /** Created and changed products (unchanged ones are left out). */
  publish: ProductSnapshot[];
}

export function planCatalogImport(
  csv: string,
  currency: string,
  index: CatalogIndex,
  newProductId: () => string,
): CatalogImportPlan {
  const table = readCsv(csv);
  const { rows, errors, columns } = validateCatalogRows(
    table,
    {
      idOfSku: (sku) => index.bySku.get(sku)?.productId ?? null,
      barcodeOwner: (barcode) => index.barcodeOwner.get(barcode) ?? null,
    },
    currency,
  );
  const publish: ProductSnapshot[] = [];
  const changes: CatalogImportPreview['changes'] = [];
  let creates = 0;
  let updates = 0;
  let unchanged = 0;
  for (const row of rows) {
    const existing = index.bySku.get(row.fields.sku);
    if (!existing) {
      creates++;
      publish.push({ productId: newProductId(), ...row.fields });
      continue;
    }
    const { next, changes: fields } = mergeCatalogRow(existing, row.fields, columns);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    updates++;
    publish.push(next);
    if (changes.length < PREVIEW_CHANGES) changes.push({ line: row.line, sku: next.sku, fields });
  }
  const sorted = [...errors].sort((a, b) => a.line - b.line).slice(0, PREVIEW_ERRORS);
  return {
    preview: {
      totalRows: table.records.length,
      validRows: rows.length,
      creates,
      updates,
      unchanged,
      errors: sorted.map((e) => ({
        line: e.line,
        column: e.column === '' ? null : e.column,
        message: e.reason,
      })),
      changes,
    },
    publish,
  };
}
