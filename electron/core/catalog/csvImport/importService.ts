// Preview and commit of catalog / opening-stock CSVs. Commit re-validates and writes the valid
// rows in one transaction; rows with errors are skipped and reported with line and reason (as the
// history import does), so one typo does not hold back a thousand good rows. A header that cannot
// be read (missing or unknown columns) imports nothing. An update changes only the columns the
// file has (shared/catalog/catalogRowMerge.ts); the preview lists those changes field by field.
import type {
  ImportFieldChange,
  ImportPreview,
  ImportResult,
  ImportRowError,
} from '../../../../shared/api/types';
import { mergeCatalogRow } from '../../../../shared/catalog/catalogRowMerge';
import { AppFailure } from '../../../../shared/result';
import { inTransaction, requireSettings, type CoreContext } from '../../context';
import { recordStockEvent } from '../../stock/stockService';
import type { ProductFields } from '../catalogRepo';
import { saveProduct } from '../catalogService';
import { validateCatalogRows } from './catalogRows';
import { validateOpeningStockRows } from './openingStockRows';
import { readCsv, type CsvTable } from './readCsv';

export type ImportKind = 'catalog' | 'opening-stock';

const MAX_REPORTED_ERRORS = 500;
const MAX_PREVIEW_CHANGES = 200;
const SAMPLE_ROWS = 5;

interface PlannedWrite {
  productId: string | undefined;
  fields: ProductFields;
}

const planCatalog = (ctx: CoreContext, table: CsvTable, currency: string) => {
  const { catalog } = ctx.repos;
  const r = validateCatalogRows(table, catalog, currency);
  const writes: PlannedWrite[] = [];
  const changes: ImportPreview['changes'] = [];
  let creates = 0;
  let updates = 0;
  let unchanged = 0;
  for (const row of r.rows) {
    const existing = row.existingId ? catalog.get(row.existingId) : null;
    if (!existing) {
      creates++;
      writes.push({ productId: undefined, fields: row.fields });
      continue;
    }
    const { id: _id, onHand: _onHand, ...current } = existing;
    const { next, changes: fields } = mergeCatalogRow(current, row.fields, r.columns);
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    updates++;
    writes.push({ productId: existing.id, fields: next });
    if (changes.length < MAX_PREVIEW_CHANGES)
      changes.push({ line: row.line, sku: next.sku, fields: fields as ImportFieldChange[] });
  }
  return { errors: r.errors, valid: r.rows.length, creates, updates, unchanged, changes, writes };
};

const validate = (ctx: CoreContext, kind: ImportKind, table: CsvTable) => {
  const { currency } = requireSettings(ctx);
  if (kind === 'catalog') return { ...planCatalog(ctx, table, currency), stock: [] };
  const r = validateOpeningStockRows(table, ctx.repos.catalog, currency);
  return {
    errors: r.errors,
    valid: r.rows.length,
    creates: 0,
    updates: 0,
    unchanged: 0,
    changes: [],
    writes: [],
    stock: r.rows,
  };
};

const sorted = (errors: ImportRowError[]) =>
  [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);

export const previewImport = (ctx: CoreContext, kind: ImportKind, csv: string): ImportPreview => {
  const table = readCsv(csv);
  const v = validate(ctx, kind, table);
  return {
    totalRows: table.records.length,
    validRows: v.valid,
    errors: sorted(v.errors),
    sample: table.records.slice(0, SAMPLE_ROWS).map((r) => r.values),
    creates: v.creates,
    updates: v.updates,
    unchanged: v.unchanged,
    changes: v.changes,
  };
};

const firstProblem = (errors: ImportRowError[]): string => {
  const first = sorted(errors)[0];
  if (!first) return '';
  return ` First: line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.reason}`;
};

export const commitImport = (
  ctx: CoreContext,
  kind: ImportKind,
  csv: string,
  userId: string,
): ImportResult =>
  inTransaction(ctx, () => {
    const table = readCsv(csv);
    const v = validate(ctx, kind, table);
    if (v.errors.some((e) => e.line === 1))
      throw new AppFailure(
        'IMPORT_INVALID',
        `The header row is not usable; nothing was imported.${firstProblem(v.errors)}`,
        sorted(v.errors),
      );
    if (table.records.length === 0)
      throw new AppFailure('IMPORT_INVALID', 'The file has no rows to import.');
    if (v.valid === 0)
      throw new AppFailure(
        'IMPORT_INVALID',
        `No row is valid; nothing was imported.${firstProblem(v.errors)}`,
        sorted(v.errors),
      );
    for (const w of v.writes) saveProduct(ctx, w.productId, w.fields, userId);
    for (const row of v.stock) {
      recordStockEvent(ctx, {
        productId: row.productId,
        quantity: row.quantity,
        reason: 'opening',
        unitCost: row.unitCost,
        note: 'opening stock import',
        userId,
      });
    }
    return {
      imported: v.valid,
      created: v.creates,
      updated: v.updates,
      unchanged: v.unchanged,
      skipped: new Set(v.errors.map((e) => e.line)).size,
      errors: sorted(v.errors),
    };
  });
