// Maps an open TillCore to its internals, for in-process tools (demo loader, benchmarks) that
// must run the real services with an injected clock. Hosts only ever see dispatch.
import type Database from 'better-sqlite3';
import type { PosDispatch } from '../../shared/api/index';
import type { CoreContext } from './context';

export interface TillCoreHandle {
  dispatch: PosDispatch;
  db: Database.Database;
  close(): void;
}

const contexts = new WeakMap<TillCoreHandle, CoreContext>();

export const registerCore = (core: TillCoreHandle, ctx: CoreContext): void =>
  void contexts.set(core, ctx);
export const unregisterCore = (core: TillCoreHandle): void => void contexts.delete(core);

export const coreContext = (core: TillCoreHandle): CoreContext => {
  const ctx = contexts.get(core);
  if (!ctx) throw new Error('Not a till core opened by openTillCore, or already closed.');
  return ctx;
};
