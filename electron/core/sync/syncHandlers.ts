// The till API's sync methods. Enrolling and dismissing are the owner's business; the status
// holds no secret (the token never leaves the core). The engine is found through the context,
// attached by openTillCore, so this map registers like every other domain's.
import { AppFailure, type Result } from '../../../shared/result';
import type { CoreContext } from '../context';
import type { AsyncHandlerMap } from '../handlerTypes';
import { requireSignedInOwner } from '../users/ownerApproval';
import type { SyncEngine } from './syncEngine';

type SyncMethod =
  'sync-enroll' | 'sync-status' | 'sync-now' | 'sync-dismiss-rejected' | 'sync-disconnect';

export const attachSyncEngine = (ctx: CoreContext, engine: SyncEngine): void => {
  ctx.state.sync = engine;
};

export const syncEngineOf = (ctx: CoreContext): SyncEngine | null => ctx.state.sync;

const engineOf = (ctx: CoreContext): SyncEngine => {
  const engine = ctx.state.sync;
  if (!engine) throw new AppFailure('SYNC_ERROR', 'Sync is not available in this till.');
  return engine;
};

const requireOwner = (ctx: CoreContext): void => {
  requireSignedInOwner(ctx, 'change how this till syncs');
};

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new AppFailure(r.error.code, r.error.message, r.error.details);
  return r.value;
};

/** Async-capable: enrolment waits on the network (dispatch awaits every handler). */
export const syncHandlers: AsyncHandlerMap<SyncMethod> = {
  'sync-enroll': async (ctx, input) => {
    requireOwner(ctx);
    return unwrap(
      await engineOf(ctx).enroll({
        url: input.url,
        code: input.code,
        allowInsecure: input.allowInsecure,
      }),
    );
  },
  'sync-status': (ctx) => engineOf(ctx).status(),
  'sync-now': (ctx) => engineOf(ctx).syncNow(),
  'sync-dismiss-rejected': (ctx, input) => {
    requireOwner(ctx);
    return unwrap(engineOf(ctx).dismissRejected(input.eventId));
  },
  'sync-disconnect': async (ctx, input) => {
    requireOwner(ctx);
    return unwrap(await engineOf(ctx).disconnect(input.pendingAcknowledged));
  },
};
