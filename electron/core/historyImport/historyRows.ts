// One CSV record of a history file to a checked row: which order, sale or return, when, which
// product, how many at what price. Every problem becomes an error naming the line and the column.
import type { HistoryMapping } from '../../../shared/api/historyImport';
import type { ImportRowError } from '../../../shared/api/types';
import { CONTROL_CHARACTER_MESSAGE, isStorableText } from '../../../shared/events/text';
import { parseMoney } from '../../../shared/money';
import { HistoryFileError } from './historyCsvSource';
import { parseHistoryDate } from './historyDates';

export type HistoryKind = 'sale' | 'return';

export interface HistoryRow {
  line: number;
  orderId: string;
  kind: HistoryKind;
  /** For returns: the order whose sale is being returned. */
  originalOrderId: string;
  at: number;
  code: string;
  productName: string;
  category: string;
  /** Always positive; the kind says which way the goods went. */
  quantity: number;
  unitPrice: number;
}

export type RowOutcome =
  | { kind: 'row'; row: HistoryRow }
  | { kind: 'errors'; orderId: string; errors: ImportRowError[] }
  | { kind: 'other-store' };

type Field = Exclude<keyof HistoryMapping, 'dateFormat' | 'delimiter' | 'unknownProducts'>;
export type ColumnIndex = Partial<Record<Field, number>>;

const FIELDS: readonly Field[] = [
  'orderId',
  'occurredAt',
  'product',
  'quantity',
  'unitPrice',
  'productName',
  'store',
  'category',
  'customer',
  'type',
  'originalOrderId',
];
const MAX_QUANTITY = 100_000;
const MAX_ORDER_ID = 64;

/** Where each mapped column is in the header; a mapped column the header lacks stops the run. */
export const indexColumns = (header: readonly string[], mapping: HistoryMapping): ColumnIndex => {
  const lower = header.map((h) => h.trim().toLowerCase());
  const index: ColumnIndex = {};
  for (const field of FIELDS) {
    const name = mapping[field];
    if (name === undefined) continue;
    const at = lower.indexOf(name.trim().toLowerCase());
    if (at < 0) {
      throw new HistoryFileError(
        1,
        `The mapping reads "${name}" for ${field}, but the header has no such column. Columns: ${header.join(', ')}.`,
      );
    }
    index[field] = at;
  }
  return index;
};

const SALE_WORDS = new Set(['order', 'sale', 'sales', 'o', 's', '']);
const RETURN_WORDS = new Set(['return', 'returns', 'refund', 'r']);

export interface RowContext {
  index: ColumnIndex;
  mapping: HistoryMapping;
  currency: string;
  timeZone: string;
  now: number;
  /** Lower-cased names this store goes by in a store column (id, code, name). */
  storeNames: ReadonlySet<string>;
}

export const checkRow = (rc: RowContext, line: number, record: readonly string[]): RowOutcome => {
  const cell = (f: Field): string => {
    const i = rc.index[f];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const col = (f: Field): string => rc.mapping[f] ?? f;
  if (rc.index.store !== undefined && cell('store') !== '') {
    if (!rc.storeNames.has(cell('store').toLowerCase())) return { kind: 'other-store' };
  }
  const errors: ImportRowError[] = [];
  const fail = (f: Field, reason: string): void =>
    void errors.push({ line, column: col(f), reason });
  // Every mapped cell ends up in an event text (order id, name, category) or is read as one: a NUL
  // there would be refused at HQ, so the row is refused here, with the column named.
  for (const f of FIELDS) if (!isStorableText(cell(f))) fail(f, CONTROL_CHARACTER_MESSAGE);

  const orderId = cell('orderId');
  if (orderId === '') fail('orderId', 'The order id is empty.');
  else if (orderId.length > MAX_ORDER_ID)
    fail('orderId', `An order id is at most ${MAX_ORDER_ID} characters.`);

  const date = parseHistoryDate(cell('occurredAt'), rc.mapping.dateFormat, rc.timeZone);
  if (!date.ok) fail('occurredAt', date.reason);
  else if (date.at > rc.now) fail('occurredAt', `"${cell('occurredAt')}" is in the future.`);

  const code = cell('product');
  if (code === '') fail('product', 'The product (SKU or barcode) is empty.');
  else if (code.length > 64) fail('product', 'A SKU or barcode is at most 64 characters.');

  const qtyText = cell('quantity');
  const qty = /^[+-]?\d{1,9}$/.test(qtyText) ? Number(qtyText) : NaN;
  if (!Number.isInteger(qty)) fail('quantity', `"${qtyText}" is not a whole number of units.`);
  else if (qty === 0) fail('quantity', 'A quantity of 0 sells nothing.');
  else if (Math.abs(qty) > MAX_QUANTITY)
    fail('quantity', `${qty} is more than ${MAX_QUANTITY} units.`);

  const price = parseMoney(cell('unitPrice'), rc.currency);
  if (price === null)
    fail('unitPrice', `"${cell('unitPrice')}" is not an amount in ${rc.currency} (e.g. 1499.00).`);
  else if (price < 0)
    fail('unitPrice', 'A unit price cannot be negative; mark returns as returns.');
  else if (price * Math.abs(qty || 1) > 1e12)
    fail('unitPrice', 'The line amount is implausibly large.');

  let kind: HistoryKind = qty < 0 ? 'return' : 'sale';
  if (rc.index.type !== undefined) {
    const t = cell('type').toLowerCase();
    if (RETURN_WORDS.has(t)) kind = 'return';
    else if (SALE_WORDS.has(t)) {
      kind = 'sale';
      if (qty < 0) fail('quantity', 'A sale row has a negative quantity; mark it as a return.');
    } else fail('type', `"${cell('type')}" is neither order/sale nor return/refund.`);
  }
  if (errors.length > 0) return { kind: 'errors', orderId, errors };
  return {
    kind: 'row',
    row: {
      line,
      orderId,
      kind,
      originalOrderId: (kind === 'return' && cell('originalOrderId')) || orderId,
      at: (date as { at: number }).at,
      code,
      productName: cell('productName'),
      category: cell('category'),
      quantity: Math.abs(qty),
      unitPrice: price!,
    },
  };
};
