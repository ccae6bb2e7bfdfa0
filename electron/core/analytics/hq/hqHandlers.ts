// The HQ view's API methods (async: they wait on HQ). Only a till owner may connect, and the
// connection belongs to that signed-in owner alone.
import { listStoresResponseSchema } from '../../../../shared/sync/gatewayApi';
import type { ApiParsedInput } from '../../../../shared/api/inputs';
import type { ApiOutputs } from '../../../../shared/api/outputs';
import { AppFailure } from '../../../../shared/result';
import { requireUser, type CoreContext } from '../../context';
import { hqConnectionOf, hqGet, setHqConnection } from './hqClient';
import { hqOverview } from './hqOverview';

type HqMethod = 'dashboard-hq-connect' | 'dashboard-hq-disconnect' | 'dashboard-hq';
export type DashboardHqHandlers = {
  [M in HqMethod]: (
    ctx: CoreContext,
    input: ApiParsedInput<M>,
  ) => ApiOutputs[M] | Promise<ApiOutputs[M]>;
};

const requireOwnerId = (ctx: CoreContext): string => {
  const user = requireUser(ctx);
  if (user.role !== 'owner')
    throw new AppFailure('FORBIDDEN', 'Only an owner can open the HQ view.');
  return user.id;
};

export const dashboardHqHandlers: DashboardHqHandlers = {
  'dashboard-hq-connect': async (ctx, input) => {
    const userId = requireOwnerId(ctx);
    const connection = { hqUrl: input.hqUrl, adminToken: input.adminToken, userId };
    // Proves the address and the token before keeping them.
    const stores = listStoresResponseSchema.safeParse(
      await hqGet<unknown>(connection, '/v1/admin/stores'),
    );
    if (!stores.success)
      throw new AppFailure('SYNC_ERROR', `${input.hqUrl} does not answer like an HQ.`);
    setHqConnection(ctx, connection);
    return { hqUrl: input.hqUrl, stores: stores.data.stores.length };
  },
  'dashboard-hq-disconnect': (ctx) => {
    setHqConnection(ctx, null);
    return null;
  },
  'dashboard-hq': (ctx, input) => {
    requireOwnerId(ctx);
    return hqOverview(hqConnectionOf(ctx), input.from, input.to, input.storeId);
  },
};
