// Opening stock CSV columns (header row required): sku*, quantity* (whole number, not zero),
// unit_cost (decimal in store currency, optional). Each row becomes an 'opening' stock move.
import type { ImportRowError } from '../../../../shared/api/types';
import type { CatalogRepo } from '../catalogRepo';
import { intCell, moneyCell } from './fieldParsers';
import { checkColumns, type CsvTable } from './readCsv';

export const STOCK_REQUIRED = ['sku', 'quantity'] as const;
export const STOCK_OPTIONAL = ['unit_cost'] as const;

export interface OpeningStockRow {
  line: number;
  productId: string;
  quantity: number;
  unitCost: number | null;
}

export const validateOpeningStockRows = (
  table: CsvTable,
  catalog: CatalogRepo,
  currency: string,
): { rows: OpeningStockRow[]; errors: ImportRowError[] } => {
  const errors: ImportRowError[] = [
    ...table.errors,
    ...checkColumns(table, STOCK_REQUIRED, STOCK_OPTIONAL),
  ];
  if (errors.some((e) => e.line === 1)) return { rows: [], errors };
  const rows: OpeningStockRow[] = [];
  const linesWithReadErrors = new Set(table.errors.map((e) => e.line));
  for (const { line, values } of table.records) {
    const rowErrors: ImportRowError[] = [];
    const sku = values.sku ?? '';
    const product = sku ? catalog.getBySku(sku) : null;
    if (!sku) rowErrors.push({ line, column: 'sku', reason: 'Required.' });
    else if (!product)
      rowErrors.push({
        line,
        column: 'sku',
        reason: `No product with SKU ${sku}; import the catalog first.`,
      });
    const quantity = intCell(values.quantity ?? '', -100_000, 100_000, null);
    if (!quantity.ok) rowErrors.push({ line, column: 'quantity', reason: quantity.reason });
    else if (quantity.value === 0)
      rowErrors.push({ line, column: 'quantity', reason: 'A quantity of 0 moves nothing.' });
    let unitCost: number | null = null;
    if (values.unit_cost) {
      const cost = moneyCell(values.unit_cost, currency);
      if (cost.ok) unitCost = cost.value;
      else rowErrors.push({ line, column: 'unit_cost', reason: cost.reason });
    }
    if (rowErrors.length > 0 || !product || !quantity.ok) errors.push(...rowErrors);
    else if (linesWithReadErrors.has(line)) continue;
    else rows.push({ line, productId: product.id, quantity: quantity.value, unitCost });
  }
  return { rows, errors };
};
