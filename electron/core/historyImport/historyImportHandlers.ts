// The till API's history-import methods. Upload, check and import are the owner's; the check and
// the import run in the background and report through history-import-status.
import type { HistoryImportOutputs, HistoryImportStatus } from '../../../shared/api/historyImport';
import { AppFailure } from '../../../shared/result';
import { requireSettings, type CoreContext } from '../context';
import type { AsyncHandlerMap } from '../handlerTypes';
import { requireOwnerApproval } from '../users/ownerApproval';
import { HistoryFileError } from './historyCsvSource';
import { appendHistoryChunk, removeHistoryFile, requireHistoryFile } from './historyFiles';
import { newStatus, runHistoryPass, type PassOptions } from './historyImportJob';
import { inspectHistoryFile } from './historyShape';

type HistoryMethod = keyof HistoryImportOutputs;

/** Kept in the core's context (CoreState.historyJobs). */
export interface HistoryJobs {
  statuses: Map<string, HistoryImportStatus>;
  running: Promise<void> | null;
}
const jobsOf = (ctx: CoreContext): HistoryJobs => ctx.state.historyJobs;

const snapshot = (s: HistoryImportStatus): HistoryImportStatus => ({
  ...s,
  errors: [...s.errors].sort((a, b) => a.line - b.line),
});

const WHAT = 'Importing sales history';

const start = (ctx: CoreContext, importId: string, options: PassOptions): HistoryImportStatus => {
  const jobs = jobsOf(ctx);
  if (jobs.running)
    throw new AppFailure('CONFLICT', 'Another history check or import is running; wait for it.');
  const { bytes } = requireHistoryFile(ctx, importId);
  const status = newStatus(importId, bytes);
  status.phase = options.mode === 'check' ? 'checking' : 'importing';
  jobs.statuses.set(importId, status);
  jobs.running = runHistoryPass(ctx, status, options).finally(() => {
    jobs.running = null;
    if (status.phase === 'done' && ctx.db.open) removeHistoryFile(ctx, importId);
  });
  return snapshot(status);
};

/** Resolves when the running check or import (if any) has finished; for tests and tools. */
export const historyImportSettled = (ctx: CoreContext): Promise<void> =>
  jobsOf(ctx).running ?? Promise.resolve();

export const historyImportHandlers: AsyncHandlerMap<HistoryMethod> = {
  'history-import-chunk': (ctx, input) => {
    requireOwnerApproval(ctx, undefined, WHAT);
    return appendHistoryChunk(ctx, input);
  },
  'history-import-preview': async (ctx, input) => {
    const user = requireOwnerApproval(ctx, undefined, WHAT);
    const { path, bytes } = requireHistoryFile(ctx, input.importId);
    const { timeZone } = requireSettings(ctx);
    let file;
    try {
      file = await inspectHistoryFile(input.importId, path, bytes, timeZone);
    } catch (e) {
      if (!(e instanceof HistoryFileError)) throw e;
      throw new AppFailure('IMPORT_INVALID', e.message, [
        { line: e.line, column: '', reason: e.message },
      ]);
    }
    const status = input.mapping
      ? start(ctx, input.importId, { mode: 'check', mapping: input.mapping, user })
      : snapshot(jobsOf(ctx).statuses.get(input.importId) ?? newStatus(input.importId, bytes));
    return { file, status };
  },
  'history-import-commit': (ctx, input) => {
    const user = requireOwnerApproval(ctx, input.ownerPin, WHAT);
    return start(ctx, input.importId, { mode: 'import', mapping: input.mapping, user });
  },
  'history-import-status': (ctx, input) => {
    requireOwnerApproval(ctx, undefined, WHAT);
    const known = jobsOf(ctx).statuses.get(input.importId);
    if (known) return snapshot(known);
    return newStatus(input.importId, requireHistoryFile(ctx, input.importId).bytes);
  },
};
