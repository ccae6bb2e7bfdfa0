// The dashboard's API methods. Figures are the owner's business: a cashier signed in at the till
// gets FORBIDDEN rather than the shop's takings.
import { AppFailure } from '../../../shared/result';
import type { CoreContext } from '../context';
import type { HandlerMap } from '../handlerTypes';
import { requireSignedInOwner } from '../users/ownerApproval';
import { overlayHqTrends } from './hqTrends';
import { localTrends, type TrendsQuery } from './localTrends';
import { readStoreFacts } from './storeCalendar';
import { todayFigures } from './todayFigures';

const requireOwner = (ctx: CoreContext): void => {
  requireSignedInOwner(ctx, 'see the dashboard');
};

export const dashboardHandlers: HandlerMap<
  'dashboard-today' | 'dashboard-trends' | 'dashboard-csv-save'
> = {
  // Electron main saves through a dialog (electron/main/csvSave.ts); no other host has one, so it
  // answers "not saved" and the page downloads the file itself (renderer/src/dashboard/csvExport.ts).
  'dashboard-csv-save': (ctx) => {
    requireOwner(ctx);
    return { saved: false, path: null };
  },
  'dashboard-today': (ctx, input) => {
    requireOwner(ctx);
    return todayFigures(ctx.db, ctx.clock.now(), input.topN);
  },
  'dashboard-trends': (ctx, input) => {
    requireOwner(ctx);
    const query: TrendsQuery = {
      from: input.from,
      to: input.to,
      category: input.category,
      rankBy: input.rankBy,
      topN: input.topN,
    };
    // Local figures are always computed: they are cheap (rollups) and fill what HQ's copy lacks.
    const local = localTrends(ctx.db, ctx.clock.now(), query, readStoreFacts(ctx.db));
    if (input.source === 'local') return local;
    const hq = overlayHqTrends(ctx.repos.analyticsCache, query, local);
    if (hq) return hq;
    if (input.source === 'hq') {
      throw new AppFailure(
        'NOT_FOUND',
        'This till holds no HQ figures for that range; they come with an enrolled till that has synced.',
      );
    }
    return local;
  },
};
