import type { HandlerMap } from '../handlerTypes';
import { syncEngineOf } from '../sync/syncHandlers';

const REJECTED_SHOWN = 50;

export const outboxHandlers: HandlerMap<'outbox-status'> = {
  'outbox-status': (ctx) => ({
    ...ctx.repos.outbox.counts(),
    // The relay (electron/core/sync) knows about the network; the core alone does not.
    online: syncEngineOf(ctx)?.status().online ?? null,
    enrolled: syncEngineOf(ctx)?.settings.identity() != null,
    needsReenrolment: syncEngineOf(ctx)?.settings.needsReenrolment() ?? false,
    rejectedEvents: ctx.repos.outbox.rejectedNeedingAttention(REJECTED_SHOWN).map((r) => ({
      eventId: r.eventId,
      type: r.type,
      seq: r.seq,
      reason: [r.code, r.reason].filter(Boolean).join(': '),
      at: r.at,
    })),
  }),
};
