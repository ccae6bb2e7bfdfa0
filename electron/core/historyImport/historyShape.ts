// The first look at an uploaded file: encoding, delimiter, header, a few rows, and a mapping
// guessed from common column names (the owner confirms or changes it before anything is checked).
import {
  HISTORY_DATE_FORMATS,
  type HistoryFileShape,
  type HistoryMapping,
} from '../../../shared/api/historyImport';
import { detectDelimiter, sniffFile, streamRecords } from './historyCsvSource';
import { parseHistoryDate } from './historyDates';

const SAMPLE_ROWS = 5;

type Guessable = Exclude<keyof HistoryMapping, 'dateFormat' | 'delimiter' | 'unknownProducts'>;
const SYNONYMS: Record<Guessable, readonly string[]> = {
  orderId: [
    'order id',
    'orderid',
    'order no',
    'order number',
    'order',
    'invoice',
    'invoice no',
    'bill no',
    'bill',
    'receipt no',
    'receipt',
  ],
  occurredAt: [
    'date',
    'datetime',
    'date time',
    'date/time',
    'order date',
    'sold at',
    'timestamp',
    'time',
  ],
  product: ['sku', 'barcode', 'item code', 'product code', 'code', 'product'],
  productName: ['product name', 'item name', 'name', 'description', 'item'],
  quantity: ['quantity', 'qty', 'units', 'pcs'],
  unitPrice: ['unit price', 'price', 'rate', 'unit cost', 'mrp'],
  store: ['store', 'shop', 'branch', 'outlet', 'store id', 'store code'],
  category: ['category', 'department'],
  customer: ['customer', 'customer name', 'client'],
  type: ['type', 'kind', 'order type', 'transaction type'],
  originalOrderId: ['original order id', 'original order', 'original invoice'],
};

const normal = (s: string): string => s.trim().toLowerCase().replace(/[_-]+/g, ' ');

export const guessMapping = (
  columns: readonly string[],
  sample: readonly Record<string, string>[],
  timeZone: string,
): Partial<HistoryMapping> => {
  const taken = new Set<string>();
  const guess: Partial<HistoryMapping> = {};
  for (const field of Object.keys(SYNONYMS) as Guessable[]) {
    for (const word of SYNONYMS[field]) {
      const hit = columns.find((c) => normal(c) === word && !taken.has(c));
      if (hit) {
        guess[field] = hit;
        taken.add(hit);
        break;
      }
    }
  }
  const dates = guess.occurredAt ? sample.map((r) => r[guess.occurredAt!] ?? '') : [];
  // The format most sample dates parse in (a bad row in the sample must not hide the answer);
  // most specific first on ties, since every "YYYY-MM-DD HH:mm" is also ISO-like.
  const scored = (['ymd-hm', ...HISTORY_DATE_FORMATS] as const).map((f) => ({
    f,
    n: dates.filter((d) => parseHistoryDate(d, f, timeZone).ok).length,
  }));
  const best = scored.reduce((a, b) => (b.n > a.n ? b : a));
  const format = best.n > 0 ? best.f : undefined;
  if (format) guess.dateFormat = format;
  return guess;
};

export const inspectHistoryFile = async (
  importId: string,
  path: string,
  bytes: number,
  timeZone: string,
): Promise<HistoryFileShape> => {
  const shape = sniffFile(path);
  const delimiter = detectDelimiter(shape.headerLine, 'auto');
  let columns: string[] = [];
  const sample: Record<string, string>[] = [];
  for await (const { record } of streamRecords(path, shape.encoding, delimiter)) {
    if (columns.length === 0) {
      columns = record;
      continue;
    }
    sample.push(Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])));
    if (sample.length >= SAMPLE_ROWS) break;
  }
  return {
    importId,
    bytes,
    encoding: shape.encoding,
    delimiter,
    columns,
    sample,
    suggested: { ...guessMapping(columns, sample, timeZone), delimiter: 'auto' },
  };
};
