// The till's catalog CSV rows: the rules are shared/catalog/catalogCsvRows.ts (one copy for the
// till and HQ); this adapts the till's catalog repository to them.
import type { ImportRowError } from '../../../../shared/api/types';
import {
  validateCatalogRows as validateRows,
  type CatalogColumn,
  type CatalogImportRow,
} from '../../../../shared/catalog/catalogCsvRows';
import type { CatalogRepo } from '../catalogRepo';
import type { CsvTable } from './readCsv';

export {
  CATALOG_OPTIONAL,
  CATALOG_REQUIRED,
  type CatalogImportRow,
} from '../../../../shared/catalog/catalogCsvRows';

export const validateCatalogRows = (
  table: CsvTable,
  catalog: CatalogRepo,
  currency: string,
): { rows: CatalogImportRow[]; errors: ImportRowError[]; columns: Set<CatalogColumn> } =>
  validateRows(
    table,
    {
      idOfSku: (sku) => catalog.getBySku(sku)?.id ?? null,
      barcodeOwner: (barcode) => catalog.barcodeOwner(barcode),
    },
    currency,
  );
