// Where uploaded history files live while they are checked and imported: one file per import id
// under the till's data directory. Chunks are appended in order; a repeated chunk (a retry after a
// lost answer) is ignored, a gap is refused, so the file on disk is exactly what was sent.
import { appendFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { uuidv7 } from '../../../shared/uuidv7';
import type { CoreContext } from '../context';

/** A paper book's worth of history is far below this; it bounds what a caller can make us store. */
export const MAX_HISTORY_FILE_BYTES = 2 * 1024 * 1024 * 1024;

/** An upload in progress; kept in the core's context (CoreState.historyUploads). */
export interface HistoryUpload {
  nextSeq: number;
  bytes: number;
}
const uploadsOf = (ctx: CoreContext): Map<string, HistoryUpload> => ctx.state.historyUploads;

const importsDir = (ctx: CoreContext): string => join(dirname(ctx.db.name), 'history-imports');

export const historyFilePath = (ctx: CoreContext, importId: string): string => {
  if (!/^[0-9a-f-]{36}$/.test(importId)) throw new AppFailure('NOT_FOUND', 'No such import.');
  return join(importsDir(ctx), `${importId}.csv`);
};

/** The uploaded file's path and size, or NOT_FOUND. */
export const requireHistoryFile = (
  ctx: CoreContext,
  importId: string,
): { path: string; bytes: number } => {
  const path = historyFilePath(ctx, importId);
  if (!existsSync(path))
    throw new AppFailure('NOT_FOUND', 'No uploaded file with that import id; upload it again.');
  return { path, bytes: statSync(path).size };
};

export const appendHistoryChunk = (
  ctx: CoreContext,
  input: { importId?: string | undefined; seq: number; data: string },
): { importId: string; bytes: number } => {
  const bytes = Buffer.from(input.data, 'base64');
  const all = uploadsOf(ctx);
  if (input.importId === undefined) {
    if (input.seq !== 0)
      throw new AppFailure('VALIDATION', 'seq: a new upload starts with chunk 0.');
    const importId = uuidv7(ctx.clock.now());
    mkdirSync(importsDir(ctx), { recursive: true });
    writeFileSync(historyFilePath(ctx, importId), bytes);
    all.set(importId, { nextSeq: 1, bytes: bytes.length });
    return { importId, bytes: bytes.length };
  }
  const upload = all.get(input.importId);
  if (!upload) throw new AppFailure('NOT_FOUND', 'No upload in progress with that import id.');
  if (input.seq < upload.nextSeq) return { importId: input.importId, bytes: upload.bytes };
  if (input.seq > upload.nextSeq) {
    throw new AppFailure(
      'CONFLICT',
      `Chunk ${input.seq} arrived before chunk ${upload.nextSeq}; send the chunks in order.`,
    );
  }
  if (upload.bytes + bytes.length > MAX_HISTORY_FILE_BYTES)
    throw new AppFailure('VALIDATION', 'The file is larger than 2 GiB; split it into parts.');
  appendFileSync(historyFilePath(ctx, input.importId), bytes);
  upload.nextSeq += 1;
  upload.bytes += bytes.length;
  return { importId: input.importId, bytes: upload.bytes };
};

/** A fresh import id and the path to write its file to (benchmarks and in-process tools). */
export const newHistoryFile = (ctx: CoreContext): { importId: string; path: string } => {
  const importId = uuidv7(ctx.clock.now());
  mkdirSync(importsDir(ctx), { recursive: true });
  return { importId, path: historyFilePath(ctx, importId) };
};

export const removeHistoryFile = (ctx: CoreContext, importId: string): void => {
  uploadsOf(ctx).delete(importId);
  rmSync(historyFilePath(ctx, importId), { force: true });
};
