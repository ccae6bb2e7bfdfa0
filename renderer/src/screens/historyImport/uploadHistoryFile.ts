// Sends a file to the till core in chunks of HISTORY_CHUNK_BYTES as base64, in order, reporting
// progress; the core appends them to a file in its data directory. Works in Electron and browser
// mode alike, and never holds more than one chunk of a large file in memory.
import { HISTORY_CHUNK_BYTES } from '../../../../shared/api';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api/client';

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) {
    binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  }
  return btoa(binary);
};

export type UploadOutcome = { ok: true; importId: string } | { ok: false; error: AppError };

export const uploadHistoryFile = async (
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadOutcome> => {
  let importId: string | undefined;
  let seq = 0;
  for (let at = 0; at < file.size || seq === 0; at += HISTORY_CHUNK_BYTES, seq++) {
    const chunk = new Uint8Array(await file.slice(at, at + HISTORY_CHUNK_BYTES).arrayBuffer());
    const data = toBase64(chunk);
    const r = await call(
      'history-import-chunk',
      importId ? { importId, seq, data } : { seq, data },
    );
    if (!r.ok) return { ok: false, error: r.error };
    importId = r.value.importId;
    onProgress(Math.min(file.size, at + chunk.length), file.size);
  }
  return { ok: true, importId: importId! };
};
