// Reaches an open TillCore's internals, for in-process tools (demo loader, benchmarks) that must
// run the real services with an injected clock. Hosts only ever see dispatch. The context rides
// on the core object itself under a module-private symbol (no module-global map of cores): it
// goes when the core is closed or collected.
import type Database from 'better-sqlite3';
import type { PosDispatch } from '../../shared/api/index';
import type { CoreContext } from './context';

export interface TillCoreHandle {
  dispatch: PosDispatch;
  db: Database.Database;
  close(): void;
}

const CONTEXT = Symbol('till core context');
type WithContext = TillCoreHandle & { [CONTEXT]?: CoreContext | undefined };

export const registerCore = (core: TillCoreHandle, ctx: CoreContext): void => {
  Object.defineProperty(core, CONTEXT, { value: ctx, writable: true, enumerable: false });
};
export const unregisterCore = (core: TillCoreHandle): void => {
  (core as WithContext)[CONTEXT] = undefined;
};

export const coreContext = (core: TillCoreHandle): CoreContext => {
  const ctx = (core as WithContext)[CONTEXT];
  if (!ctx) throw new Error('Not a till core opened by openTillCore, or already closed.');
  return ctx;
};
