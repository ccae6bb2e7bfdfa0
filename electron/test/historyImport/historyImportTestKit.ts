// Test helpers for history imports: upload bytes through the real chunk API, then run a check or
// an import and wait for the background pass to finish.
import type { HistoryImportStatus, HistoryMapping } from '../../../shared/api/historyImport';
import type { TestCore } from '../testSupport';
import { historyImportSettled } from '../../core/historyImport/historyImportHandlers';

export const MAPPING: HistoryMapping = {
  orderId: 'order_id',
  occurredAt: 'date',
  product: 'sku',
  quantity: 'qty',
  unitPrice: 'unit_price',
  type: 'type',
  dateFormat: 'ymd-hm',
  delimiter: 'auto',
  unknownProducts: 'error',
};

export const upload = async (t: TestCore, bytes: Buffer, chunkBytes = 64): Promise<string> => {
  let importId: string | undefined;
  for (let seq = 0, at = 0; at < bytes.length || seq === 0; seq++, at += chunkBytes) {
    const data = bytes.subarray(at, at + chunkBytes).toString('base64');
    const r = await t.call(
      'history-import-chunk',
      importId ? { importId, seq, data } : { seq, data },
    );
    importId = r.importId;
  }
  return importId!;
};

const settle = async (t: TestCore, importId: string): Promise<HistoryImportStatus> => {
  await historyImportSettled(t.ctx);
  return t.call('history-import-status', { importId });
};

export const check = async (
  t: TestCore,
  importId: string,
  mapping: Partial<HistoryMapping> = {},
): Promise<HistoryImportStatus> => {
  await t.call('history-import-preview', { importId, mapping: { ...MAPPING, ...mapping } });
  return settle(t, importId);
};

export const runImport = async (
  t: TestCore,
  importId: string,
  mapping: Partial<HistoryMapping> = {},
): Promise<HistoryImportStatus> => {
  await t.call('history-import-commit', { importId, mapping: { ...MAPPING, ...mapping } });
  return settle(t, importId);
};

/** Uploads text and imports it in one go. */
export const importText = async (
  t: TestCore,
  text: string | Buffer,
  mapping: Partial<HistoryMapping> = {},
): Promise<HistoryImportStatus> =>
  runImport(t, await upload(t, typeof text === 'string' ? Buffer.from(text) : text, 4096), mapping);
