// What one open till core keeps in memory between API calls, as typed fields of its context
// (CoreContext.state): created with the context and dropped when the core closes. It used to sit
// in module-global WeakMaps keyed by the context, one per domain, where nothing said what a core
// holds or when it goes.
import type Database from 'better-sqlite3';
import type { HqConnection } from './analytics/hq/hqClient';
import type { HistoryJobs } from './historyImport/historyImportHandlers';
import type { HistoryUpload } from './historyImport/historyFiles';
import type { SyncEngine } from './sync/syncEngine';

export interface CoreState {
  /** The outbox relay and HQ pulls (electron/core/sync), attached by openTillCore. */
  sync: SyncEngine | null;
  /** The signed-in owner's HQ console session (analytics/hq/hqClient.ts); memory only. */
  hqConnection: HqConnection | null;
  /** History checks and imports: their statuses and the one running pass. */
  historyJobs: HistoryJobs;
  /** History files being uploaded in chunks, by import id. */
  historyUploads: Map<string, HistoryUpload>;
  /** Prepared once: db.pragma() would compile the statement on every scan (inCartTransaction). */
  synchronous: { normal: Database.Statement; full: Database.Statement };
}

export const createCoreState = (db: Database.Database): CoreState => ({
  sync: null,
  hqConnection: null,
  historyJobs: { statuses: new Map(), running: null },
  historyUploads: new Map(),
  synchronous: {
    normal: db.prepare('PRAGMA synchronous = NORMAL'),
    full: db.prepare('PRAGMA synchronous = FULL'),
  },
});

/** On core close: forgets what the core held (the engine is stopped by its owner, openTillCore). */
export const disposeCoreState = (state: CoreState): void => {
  state.sync = null;
  state.hqConnection = null;
  state.historyJobs.statuses.clear();
  state.historyUploads.clear();
};
