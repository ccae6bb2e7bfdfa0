// Preview and commit of catalog / opening-stock CSVs. Commit re-validates and writes everything in
// one transaction; any error means nothing is imported.
import type { ImportPreview, ImportResult, ImportRowError } from '../../../../shared/api/types';
import { AppFailure } from '../../../../shared/result';
import { inTransaction, requireSettings, type CoreContext } from '../../context';
import { recordStockEvent } from '../../stock/stockService';
import { saveProduct } from '../catalogService';
import { validateCatalogRows } from './catalogRows';
import { validateOpeningStockRows } from './openingStockRows';
import { readCsv, type CsvTable } from './readCsv';

export type ImportKind = 'catalog' | 'opening-stock';

const MAX_REPORTED_ERRORS = 500;
const SAMPLE_ROWS = 5;

const validate = (ctx: CoreContext, kind: ImportKind, table: CsvTable) => {
  const { currency } = requireSettings(ctx);
  if (kind === 'catalog') {
    const r = validateCatalogRows(table, ctx.repos.catalog, currency);
    return {
      errors: r.errors,
      valid: r.rows.length,
      creates: r.rows.filter((x) => !x.existingId).length,
      catalog: r.rows,
      stock: [],
    };
  }
  const r = validateOpeningStockRows(table, ctx.repos.catalog, currency);
  return { errors: r.errors, valid: r.rows.length, creates: 0, catalog: [], stock: r.rows };
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
    updates: kind === 'catalog' ? v.valid - v.creates : 0,
  };
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
    if (v.errors.length > 0) {
      const first = sorted(v.errors)[0]!;
      throw new AppFailure(
        'IMPORT_INVALID',
        `${v.errors.length} problem(s); nothing was imported. First: line ${first.line}${first.column ? `, column ${first.column}` : ''}: ${first.reason}`,
        sorted(v.errors),
      );
    }
    if (table.records.length === 0)
      throw new AppFailure('IMPORT_INVALID', 'The file has no rows to import.');
    for (const row of v.catalog) saveProduct(ctx, row.existingId ?? undefined, row.fields, userId);
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
      updated: kind === 'catalog' ? v.valid - v.creates : 0,
    };
  });
