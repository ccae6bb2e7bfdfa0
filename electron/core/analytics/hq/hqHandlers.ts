// The HQ view's API methods (async: they wait on HQ). Only a till owner may connect, with their
// own HQ account; the session belongs to that signed-in owner alone.
import { listStoresResponseSchema } from '../../../../shared/sync/gatewayApi';
import { AppFailure } from '../../../../shared/result';
import type { CoreContext } from '../../context';
import type { AsyncHandlerMap } from '../../handlerTypes';
import { checkHqUrl } from '../../sync/hqUrlPolicy';
import { syncEngineOf } from '../../sync/syncHandlers';
import { requireSignedInOwner } from '../../users/ownerApproval';
import {
  hqConnectionOf,
  hqGet,
  hqLogin,
  hqLogout,
  peekHqConnection,
  setHqConnection,
  type HqConnection,
} from './hqClient';
import { hqOverview } from './hqOverview';

type HqMethod = 'dashboard-hq-connect' | 'dashboard-hq-disconnect' | 'dashboard-hq';

const requireOwnerId = (ctx: CoreContext): string =>
  requireSignedInOwner(ctx, 'open the HQ view').id;

/** The typed address, or the till's own sync address (already accepted by the owner at enrolment). */
const hqAddress = (ctx: CoreContext, typed: string | undefined, allowInsecure: boolean): string => {
  const enrolled = syncEngineOf(ctx)?.settings.identity()?.hqUrl ?? null;
  const raw = typed && typed !== '' ? typed : enrolled;
  if (raw === null)
    throw new AppFailure('VALIDATION', 'Give the HQ address (this till is not enrolled with HQ).', {
      field: 'hqUrl',
    });
  const checked = checkHqUrl(raw, allowInsecure || raw === enrolled);
  if (!checked.ok)
    throw new AppFailure(checked.error.code, checked.error.message, checked.error.details);
  return checked.value;
};

export const dashboardHqHandlers: AsyncHandlerMap<HqMethod> = {
  'dashboard-hq-connect': async (ctx, input) => {
    const userId = requireOwnerId(ctx);
    const hqUrl = hqAddress(ctx, input.hqUrl, input.allowInsecure);
    const login = await hqLogin(hqUrl, input.email, input.password);
    const connection: HqConnection = { hqUrl, userId, ...login };
    // Proves the session reads figures before keeping it.
    const stores = listStoresResponseSchema.safeParse(
      await hqGet<unknown>(connection, '/v1/console/stores'),
    );
    if (!stores.success) throw new AppFailure('SYNC_ERROR', `${hqUrl} does not answer like an HQ.`);
    setHqConnection(ctx, connection);
    return { hqUrl, stores: stores.data.stores.length, email: login.email };
  },
  'dashboard-hq-disconnect': async (ctx) => {
    const c = peekHqConnection(ctx);
    setHqConnection(ctx, null);
    if (c) await hqLogout(c);
    return null;
  },
  'dashboard-hq': async (ctx, input) => {
    requireOwnerId(ctx);
    const c = hqConnectionOf(ctx);
    try {
      return await hqOverview(c, input.from, input.to, input.storeId);
    } catch (e) {
      // HQ ended the session (expiry, logout everywhere, account disabled): forget it.
      if (e instanceof AppFailure && e.code === 'UNAUTHENTICATED') setHqConnection(ctx, null);
      throw e;
    }
  },
};
