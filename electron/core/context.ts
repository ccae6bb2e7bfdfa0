// What every handler and service receives: the database, its repositories (statements prepared
// once), the clock (injectable so the demo can write two years of history), the log, and the
// signed-in user of this till.
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/result';
import { uuidv7 } from '../../shared/uuidv7';
import { analyticsCacheRepo } from './analytics/analyticsCacheRepo';
import { cartRepo } from './cart/cartRepo';
import { cartVoidsRepo } from './cart/cartVoidsRepo';
import { catalogRepo } from './catalog/catalogRepo';
import type { CoreState } from './coreState';
import { countersRepo } from './db/counters';
import { outboxRepo } from './outbox/outboxRepo';
import { refundApprovalsRepo } from './returns/refundApprovalsRepo';
import { saleFactRepo } from './sales/saleFactRepo';
import { salesRepo } from './sales/salesRepo';
import { settingsRepo, type StoredSettings } from './settings/settingsRepo';
import { shiftRepo } from './shifts/shiftRepo';
import { stockRepo } from './stock/stockRepo';
import { pinFailuresRepo } from './users/pinFailuresRepo';
import { usersRepo, type StoredUser } from './users/usersRepo';

export const createRepos = (db: Database.Database) => {
  const counters = countersRepo(db);
  return {
    counters,
    settings: settingsRepo(db),
    users: usersRepo(db),
    pinFailures: pinFailuresRepo(db),
    catalog: catalogRepo(db),
    cart: cartRepo(db),
    cartVoids: cartVoidsRepo(db),
    sales: salesRepo(db),
    /** Written only by sales/saleFact.ts (a lint rule keeps it so). */
    saleFacts: saleFactRepo(db),
    refundApprovals: refundApprovalsRepo(db),
    stock: stockRepo(db),
    shifts: shiftRepo(db),
    outbox: outboxRepo(db, counters),
    analyticsCache: analyticsCacheRepo(db),
  };
};
export type Repos = ReturnType<typeof createRepos>;

export interface CoreContext {
  db: Database.Database;
  repos: Repos;
  clock: { now: () => number };
  log: (line: string) => void;
  session: { userId: string | null };
  /** Per-core memory between calls (coreState.ts): created with the context, dropped on close. */
  state: CoreState;
}

export const requireSettings = (ctx: CoreContext): StoredSettings => {
  const s = ctx.repos.settings.get();
  if (!s) throw new AppFailure('SETUP_REQUIRED', 'The till is not set up yet.');
  return s;
};

export const requireUser = (ctx: CoreContext): StoredUser => {
  const id = ctx.session.userId;
  const user = id ? ctx.repos.users.get(id) : null;
  if (!user || !user.active) {
    ctx.session.userId = null;
    throw new AppFailure('UNAUTHENTICATED', 'Sign in first.');
  }
  return user;
};

export const newEventId = (ctx: CoreContext): string => uuidv7(ctx.clock.now());

/**
 * Runs `fn` in an IMMEDIATE transaction (the write lock is taken up front, so a reader process
 * can never force a mid-transaction upgrade failure). Inside an outer transaction, such as the
 * demo load, better-sqlite3 turns this into a savepoint: a failing sale still rolls back alone.
 */
export const inTransaction = <T>(ctx: CoreContext, fn: () => T): T =>
  ctx.db.transaction(fn).immediate();

/**
 * For cart edits, which are not money facts: committed with synchronous=NORMAL, so an app crash
 * never loses them (WAL) but they skip the fsync; a power cut may lose the last few scans of an
 * open cart, never a sale. The next FULL commit (checkout, return, shift) fsyncs them along with
 * itself. Sales, returns, stock and shift events always use inTransaction (FULL).
 */
export const inCartTransaction = <T>(ctx: CoreContext, fn: () => T): T => {
  if (ctx.db.inTransaction) return inTransaction(ctx, fn);
  const sync = ctx.state.synchronous;
  sync.normal.run();
  try {
    return inTransaction(ctx, fn);
  } finally {
    sync.full.run();
  }
};
