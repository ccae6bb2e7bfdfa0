// What a catalog CSV row does to the product it updates, one rule for the till and HQ: only the
// columns the file carries change anything; every other field keeps its value (a file of sku,
// name and price must not blank the sub-category or zero the reorder level). The result lists the
// changed fields with before and after, which is what both previews show.
import type { CatalogColumn, CatalogRowFields } from './catalogCsvRows';
import { CATALOG_COLUMN_FIELDS } from './catalogCsvRows';

export interface CatalogFieldDiff {
  field: keyof CatalogRowFields;
  before: CatalogRowFields[keyof CatalogRowFields];
  after: CatalogRowFields[keyof CatalogRowFields];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Barcodes compare as a set: the same codes in another order change nothing. */
const comparable = (field: keyof CatalogRowFields, v: unknown): unknown =>
  field === 'barcodes' && Array.isArray(v) ? [...(v as string[])].sort() : v;

/** The existing product with the file's columns applied, and the fields that changed. */
export function mergeCatalogRow<P extends CatalogRowFields>(
  existing: P,
  row: CatalogRowFields,
  columns: ReadonlySet<CatalogColumn>,
): { next: P; changes: CatalogFieldDiff[] } {
  const next: P = { ...existing };
  const changes: CatalogFieldDiff[] = [];
  for (const column of columns) {
    const field = CATALOG_COLUMN_FIELDS[column];
    const before = existing[field];
    const after = row[field];
    if (same(comparable(field, before), comparable(field, after))) continue;
    changes.push({ field, before, after });
    Object.assign(next, { [field]: after });
  }
  return { next, changes };
}
