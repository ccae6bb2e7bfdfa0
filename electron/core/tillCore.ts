// The till core: opens (and locks) the data directory, migrates the database, and answers API
// calls. dispatch validates every input with the shared zod schema and always resolves to a
// Result; nothing a caller sends can make it throw.
import type Database from 'better-sqlite3';
import { apiInputs, type ApiMethod, type ApiParsedInput } from '../../shared/api/inputs';
import type { PosDispatch } from '../../shared/api/index';
import type { ApiOutputs } from '../../shared/api/outputs';
import { PricingError } from '../../shared/pricing';
import { AppFailure, err, ok, type Result } from '../../shared/result';
import { createRepos, requireSettings, requireUser, type CoreContext } from './context';
import { createCoreState, disposeCoreState } from './coreState';
import { makeDataDirectory } from './db/dataDirectory';
import { acquireInstanceLock } from './db/instanceLock';
import { migrate } from './db/migrate';
import { openDatabase } from './db/openDatabase';
import { storageFailureOf } from './db/storageFailure';
import { inlineWalCheckpoints, startWalCheckpointer } from './db/walCheckpointer';
import { registerCore, unregisterCore } from './coreRegistry';
import { buildHandlers } from './handlers';
import type { AnyHandler } from './handlerTypes';
import { createCashierGate } from './sync/cashierGate';
import { SyncEngine, type SyncEngineOptions } from './sync/syncEngine';
import { attachSyncEngine } from './sync/syncHandlers';
import { createSealedTokenVault, type TokenSeal } from './sync/syncSettings';
import { PinRejected, recordPinRejection } from './users/pinLockout';

export interface TillCoreOptions {
  dataDir: string;
  now?: () => number;
  log?: (line: string) => void;
  /**
   * WAL checkpoints on their own thread (default: off the sale's commit path), or inline, as
   * SQLite does by itself (no thread; for processes hosting many till cores).
   */
  walCheckpoints?: 'thread' | 'inline';
  /** Outbox relay and HQ pulls (electron/core/sync); started when the till is enrolled. */
  sync?: {
    autoStart?: boolean;
    relay?: SyncEngineOptions['relay'];
    /** Seals the HQ token at rest (Electron: safeStorage); without it the token is stored plain. */
    tokenSeal?: TokenSeal;
  };
}

export interface TillCore {
  dispatch: PosDispatch;
  db: Database.Database;
  /** Closes the database at once; the core's threads finish closing theirs shortly after. */
  close(): void;
  /**
   * Resolves once close() was called and the relay and checkpoint threads have exited, i.e. no
   * connection to the database files is left open (to unmount, move or back them up).
   */
  closed(): Promise<void>;
}

export { coreContext } from './coreRegistry';

const BEFORE_SETUP: ReadonlySet<ApiMethod> = new Set(['setup-status', 'setup-init']);
const WITHOUT_SIGN_IN: ReadonlySet<ApiMethod> = new Set([
  'setup-status',
  'setup-init',
  'settings-get',
  'auth-login',
  'auth-logout',
  'auth-current',
  'users-list',
]);

const toResult = <T>(e: unknown, log: (line: string) => void, method: string): Result<T> => {
  if (e instanceof AppFailure) return err(e.code, e.message, e.details);
  if (e instanceof PricingError) return err(e.reason, e.message);
  const storage = storageFailureOf(e, method === 'cart-checkout' ? 'record the sale' : 'save it');
  if (storage) {
    log(`[till-core] ${method}: storage error: ${e instanceof Error ? e.message : String(e)}`);
    return err(storage.code, storage.message, storage.details);
  }
  log(
    `[till-core] ${method}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
  );
  return err(
    'INTERNAL',
    'Something went wrong inside the till; nothing was saved. The error was logged.',
  );
};

/**
 * Opens the till on its data directory. A directory that cannot be written (read-only disk, full
 * disk, no permission) throws an AppFailure with code STORAGE_ERROR and a message saying what to
 * do; the shells show that message instead of a raw EROFS or SQLITE_READONLY.
 */
export function openTillCore(options: TillCoreOptions): TillCore {
  const log = options.log ?? ((line: string) => console.error(line));
  const opening = (e: unknown): unknown => {
    const storage = storageFailureOf(e, `open its data folder ${options.dataDir}`);
    if (storage) log(`[till-core] open: ${e instanceof Error ? e.message : String(e)}`);
    return storage ?? e;
  };
  let lock;
  try {
    makeDataDirectory(options.dataDir);
    lock = acquireInstanceLock(options.dataDir);
  } catch (e) {
    throw opening(e);
  }
  let db: Database.Database | null = null;
  try {
    db = openDatabase(options.dataDir);
    const { from, to } = migrate(db);
    if (from !== to) log(`[till-core] database migrated from schema ${from} to ${to}`);
  } catch (e) {
    db?.close();
    lock.release();
    throw opening(e);
  }
  const ctx: CoreContext = {
    db,
    repos: createRepos(db),
    clock: { now: options.now ?? Date.now },
    log,
    session: { userId: null },
    state: createCoreState(db),
  };
  const handlers = buildHandlers();
  const stopCheckpointer =
    options.walCheckpoints === 'inline' ? inlineWalCheckpoints(db) : startWalCheckpointer(db, log);
  // The sync side stays quiet until the till is enrolled with an HQ. The clock is read through
  // ctx so an injected clock (demo load) is seen everywhere.
  const gate = createCashierGate();
  const tokenSeal = options.sync?.tokenSeal;
  const sync = new SyncEngine({
    db,
    outbox: ctx.repos.outbox,
    catalog: ctx.repos.catalog,
    analyticsCache: ctx.repos.analyticsCache,
    cashierGate: gate.buffer,
    now: () => ctx.clock.now(),
    log,
    autoStart: options.sync?.autoStart ?? true,
    relay: options.sync?.relay,
    ...(tokenSeal ? { vault: (settings) => createSealedTokenVault(settings, tokenSeal, log) } : {}),
    onIdentityChanged: () => ctx.repos.settings.forget(),
  });
  attachSyncEngine(ctx, sync);
  sync.start();
  let closed = false;

  const dispatch = (async <M extends ApiMethod>(
    method: M,
    raw: unknown,
  ): Promise<Result<ApiOutputs[M]>> => {
    if (closed) return err('STORAGE_ERROR', 'The till core is closed.');
    if (typeof method !== 'string' || !Object.hasOwn(apiInputs, method)) {
      return err('UNKNOWN_METHOD', `Unknown method ${String(method)}.`);
    }
    const parsed = apiInputs[method].safeParse(raw === undefined ? {} : raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? first.path.join('.') : 'input';
      return err(
        'VALIDATION',
        `${where}: ${first?.message ?? 'invalid'}`,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    try {
      if (!BEFORE_SETUP.has(method)) requireSettings(ctx);
      if (!WITHOUT_SIGN_IN.has(method)) requireUser(ctx);
      const handler = handlers[method] as AnyHandler<M>;
      // The gate covers the handler's synchronous part, where its SQLite work runs.
      const value = await gate.hold(() => handler(ctx, parsed.data as ApiParsedInput<M>));
      sync.kick(); // a committed event goes out within milliseconds when online
      return ok(value);
    } catch (e) {
      if (e instanceof PinRejected) {
        // Recorded after the handler's transaction rolled back, so the count is kept.
        try {
          const shown = gate.hold(() => recordPinRejection(ctx, e));
          sync.kick();
          return toResult(shown, log, method);
        } catch (recordError) {
          return toResult(recordError, log, method);
        }
      }
      return toResult(e, log, method);
    }
  }) as PosDispatch;

  let markClosed: () => void = () => undefined;
  const allClosed = new Promise<void>((resolve) => (markClosed = resolve));
  const core: TillCore = {
    dispatch,
    db,
    closed: () => allClosed,
    close() {
      if (closed) return;
      closed = true;
      unregisterCore(core);
      disposeCoreState(ctx.state);
      void Promise.allSettled([sync.stop(), stopCheckpointer()]).then(() => markClosed());
      try {
        db.close();
      } finally {
        lock.release();
      }
    },
  };
  registerCore(core, ctx);
  return core;
}
