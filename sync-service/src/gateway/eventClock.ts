// The gateway's check of an event's time against its own clock. A till's clock that runs ahead
// (or a hostile till) would otherwise book sales in future months, push a store's "as of" into
// the future and make the warehouse create a monthly partition for every month up to 2100. Events
// later than the gateway's now plus a small skew are refused one by one with EVENT_FROM_FUTURE;
// the till keeps them as rejected events its owner sees on the sync screen (fix the clock).
// Old events are not refused here: a till may have been offline for weeks and a history import
// carries years-old sales. They land, and the warehouse marks them in its ledger as `import`
// (payload.importRef) or `late` (older than the late window) so HQ sees them as such
// (warehouse/eventOrigin.ts).
import type { PosEvent } from '../../../shared/events/envelope';

/** How far ahead of the gateway's clock an event may be (till clocks drift a little). */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface EventTimeRefusal {
  code: 'EVENT_FROM_FUTURE';
  message: string;
}

/** Null when the event's time is acceptable now; else why it is refused. */
export const checkEventTime = (
  event: PosEvent,
  now: number,
  maxFutureSkewMs: number,
): EventTimeRefusal | null => {
  if (event.occurredAt <= now + maxFutureSkewMs) return null;
  const minutes = Math.ceil((event.occurredAt - now) / 60_000);
  return {
    code: 'EVENT_FROM_FUTURE',
    message:
      `occurredAt ${new Date(event.occurredAt).toISOString()} is ${minutes} min after the sync ` +
      `service's clock (${new Date(now).toISOString()}); at most ` +
      `${Math.round(maxFutureSkewMs / 60_000)} min ahead is accepted. Check the till's clock.`,
  };
};
