// History import (past sales from paper books and spreadsheets): input schemas and outputs of the
// history-import-* methods. The file travels to the core in chunks and is then read from disk as a
// stream, so a million-row file never sits whole in memory on either side.
import { z } from 'zod';
import { storableString } from '../events/text';
import type { ImportRowError } from './types';

/** Raw bytes per upload chunk (the renderer sends base64, about 4/3 of this). */
export const HISTORY_CHUNK_BYTES = 4 * 1024 * 1024;
const MAX_CHUNK_BASE64 = Math.ceil(HISTORY_CHUNK_BYTES / 3) * 4;

export const HISTORY_DATE_FORMATS = ['iso', 'ymd-hm', 'dmy', 'mdy'] as const;
export type HistoryDateFormat = (typeof HISTORY_DATE_FORMATS)[number];

const importId = z.string().regex(/^[0-9a-f-]{36}$/, 'Not an import id.');
const column = storableString().trim().min(1).max(200);

/** Which CSV column holds which fact. Column names are the header texts (case-insensitive). */
export const historyMappingSchema = z.object({
  orderId: column,
  occurredAt: column,
  /** SKU or barcode. */
  product: column,
  quantity: column,
  unitPrice: column,
  productName: column.optional(),
  store: column.optional(),
  category: column.optional(),
  customer: column.optional(),
  /** "order"/"sale" or "return"/"refund"; without it a negative quantity marks a return. */
  type: column.optional(),
  /** For returns: the order id of the sale being returned (default: the row's own order id). */
  originalOrderId: column.optional(),
  dateFormat: z.enum(HISTORY_DATE_FORMATS),
  delimiter: z.enum(['auto', ',', ';', '\t']).default('auto'),
  /** Unknown SKUs are per-row errors unless the owner chooses to create them. */
  unknownProducts: z.enum(['error', 'create']).default('error'),
});
export type HistoryMapping = z.output<typeof historyMappingSchema>;

export const historyImportInputs = {
  /** Appends one chunk of the file (base64). seq 0 without importId starts a new upload. */
  'history-import-chunk': z.object({
    importId: importId.optional(),
    seq: z.number().int().min(0).max(100_000),
    data: z
      .string()
      .max(MAX_CHUNK_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64.'),
  }),
  /** Without a mapping: the file's shape. With one: starts a dry run (poll history-import-status). */
  'history-import-preview': z.object({ importId, mapping: historyMappingSchema.optional() }),
  /** Starts the import in the background; poll history-import-status. */
  'history-import-commit': z.object({
    importId,
    mapping: historyMappingSchema,
    ownerPin: z
      .string()
      .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.')
      .optional(),
  }),
  'history-import-status': z.object({ importId }),
} as const;

export type HistoryImportPhase =
  'uploaded' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';

export interface HistoryImportStatus {
  importId: string;
  phase: HistoryImportPhase;
  bytesTotal: number;
  bytesDone: number;
  rowsDone: number;
  /** Orders (sales and returns) found in the file so far. */
  orders: number;
  /** New sales and returns: written (import) or that would be written (check). */
  sales: number;
  returns: number;
  /** Orders already in this till from an earlier import of the same rows. */
  alreadyImported: number;
  /** Orders left out because one of their rows has an error. */
  skippedOrders: number;
  otherStoreRows: number;
  productsCreated: number;
  errorCount: number;
  /** The first errors, by line. */
  errors: ImportRowError[];
  /** Why the whole run stopped (unreadable file), or null. */
  message: string | null;
}

export interface HistoryFileShape {
  importId: string;
  bytes: number;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  delimiter: ',' | ';' | '\t';
  columns: string[];
  sample: Record<string, string>[];
  suggested: Partial<HistoryMapping>;
}

export interface HistoryImportOutputs {
  'history-import-chunk': { importId: string; bytes: number };
  'history-import-preview': { file: HistoryFileShape; status: HistoryImportStatus };
  'history-import-commit': HistoryImportStatus;
  'history-import-status': HistoryImportStatus;
}
