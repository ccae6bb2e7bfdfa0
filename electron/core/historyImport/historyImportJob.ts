// One pass over an uploaded history file: a check (counts what would be added, writes nothing) or
// an import (writes new orders in transactions of BATCH_ORDERS). It runs in the background while
// the UI polls its status; it yields to the event loop between batches so the till keeps selling.
import type { HistoryImportStatus, HistoryMapping } from '../../../shared/api/historyImport';
import type { ImportRowError } from '../../../shared/api/types';
import { inTransaction, requireSettings, type CoreContext } from '../context';
import type { StoredUser } from '../users/usersRepo';
import { detectDelimiter, HistoryFileError, sniffFile, streamRecords } from './historyCsvSource';
import { requireHistoryFile } from './historyFiles';
import { OrderGrouper, type HistoryOrder } from './historyOrders';
import { checkRow, indexColumns, type RowContext } from './historyRows';
import { HistoryProducts, writeHistoryOrder } from './historyWriter';

export const BATCH_ORDERS = 1_000;
const MAX_KEPT_ERRORS = 500;
const YIELD_EVERY_ROWS = 2_000;

export const newStatus = (importId: string, bytesTotal: number): HistoryImportStatus => ({
  importId,
  phase: 'uploaded',
  bytesTotal,
  bytesDone: 0,
  rowsDone: 0,
  orders: 0,
  sales: 0,
  returns: 0,
  alreadyImported: 0,
  skippedOrders: 0,
  otherStoreRows: 0,
  productsCreated: 0,
  errorCount: 0,
  errors: [],
  message: null,
});

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface PassOptions {
  mode: 'check' | 'import';
  mapping: HistoryMapping;
  /** The signed-in owner the imported sales are recorded under. */
  user: StoredUser;
}

/** Runs the pass to the end, updating `status` as it goes; never throws. */
export const runHistoryPass = async (
  ctx: CoreContext,
  status: HistoryImportStatus,
  options: PassOptions,
): Promise<void> => {
  const { mode, mapping } = options;
  status.phase = mode === 'check' ? 'checking' : 'importing';
  const report = (e: ImportRowError): void => {
    status.errorCount++;
    if (status.errors.length < MAX_KEPT_ERRORS) status.errors.push(e);
  };
  try {
    const settings = requireSettings(ctx);
    const file = requireHistoryFile(ctx, status.importId);
    status.bytesTotal = file.bytes;
    const shape = sniffFile(file.path);
    const delimiter = detectDelimiter(shape.headerLine, mapping.delimiter);
    const products = new HistoryProducts(ctx, mapping.unknownProducts === 'create');
    const grouper = new OrderGrouper(settings.storeId, report);
    const who = { settings, user: options.user };
    let batch: HistoryOrder[] = [];

    const flush = (): void => {
      if (mode === 'check' || batch.length === 0) return;
      const orders = batch;
      batch = [];
      const before = products.created;
      const added = inTransaction(ctx, () => {
        let n = { sales: 0, returns: 0, already: 0 };
        for (const order of orders) {
          // Checked again inside the transaction: another import may have added it meanwhile.
          if (ctx.repos.sales.get(order.eventId)) n = { ...n, already: n.already + 1 };
          else {
            writeHistoryOrder(ctx, who, products, order);
            n =
              order.kind === 'sale'
                ? { ...n, sales: n.sales + 1 }
                : { ...n, returns: n.returns + 1 };
          }
        }
        return n;
      });
      status.sales += added.sales;
      status.returns += added.returns;
      status.alreadyImported += added.already;
      status.productsCreated += products.created - before;
    };

    const take = (order: HistoryOrder | null): void => {
      if (!order) return;
      status.orders++;
      if (order.bad || !products.resolve(order, report, mapping.product)) {
        status.skippedOrders++;
        return;
      }
      if (mode === 'import') {
        batch.push(order);
        if (batch.length >= BATCH_ORDERS) flush();
      } else if (ctx.repos.sales.get(order.eventId)) status.alreadyImported++;
      else if (order.kind === 'sale') status.sales++;
      else status.returns++;
    };

    let rc: RowContext | null = null;
    const records = streamRecords(file.path, shape.encoding, delimiter, (n) => {
      status.bytesDone = n;
    });
    for await (const { line, record } of records) {
      if (!ctx.db.open) throw new HistoryFileError(line, 'The till was closed during the import.');
      if (!rc) {
        rc = {
          index: indexColumns(record, mapping),
          mapping,
          currency: settings.currency,
          timeZone: settings.timeZone,
          now: ctx.clock.now(),
          storeNames: new Set(
            [settings.storeId, settings.storeCode, settings.storeName].map((s) => s.toLowerCase()),
          ),
        };
        continue;
      }
      status.rowsDone++;
      const outcome = checkRow(rc, line, record);
      if (outcome.kind === 'other-store') status.otherStoreRows++;
      else {
        if (outcome.kind === 'errors') outcome.errors.forEach(report);
        take(grouper.push(outcome, line));
      }
      if (status.rowsDone % YIELD_EVERY_ROWS === 0) await nextTurn();
    }
    if (!rc) throw new HistoryFileError(1, 'The file is empty; it needs a header row.');
    take(grouper.finish());
    flush();
    if (mode === 'check') status.productsCreated = products.pendingCreates;
    status.bytesDone = status.bytesTotal;
    status.phase = mode === 'check' ? 'checked' : 'done';
  } catch (e) {
    status.phase = 'failed';
    if (e instanceof HistoryFileError) {
      status.message = e.message;
      report({ line: e.line, column: '', reason: e.message });
    } else {
      const text = e instanceof Error ? e.message : String(e);
      status.message = `The import stopped: ${text}. Orders written before this point are kept; importing the file again adds only the rest.`;
      ctx.log(
        `[history-import] ${status.importId}: ${e instanceof Error ? (e.stack ?? text) : text}`,
      );
    }
  }
};
