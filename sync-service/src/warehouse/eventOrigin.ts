// Which ledger events did not happen "just now": history imports (payload.importRef) and
// late events (occurred more than LATE_EVENT_AFTER_MS before they were applied). The gateway
// lets both land (gateway/eventClock.ts refuses only the future); HQ's console counts them per
// store, so imported and back-dated figures are visible as such. Live events, nearly all of them,
// keep the column default and cost no statement (eventsRepo.markEventOrigins writes the rest).
import type { PosEvent } from '../../../shared/events';

export type EventOrigin = 'live' | 'import' | 'late';

/** An event applied more than this after it occurred is 'late' (a week offline is normal). */
export const LATE_EVENT_AFTER_MS = 31 * 86_400_000;

export const originOf = (event: PosEvent, appliedAt: number): EventOrigin => {
  if ((event.type === 'sale' || event.type === 'return') && event.payload.importRef !== undefined)
    return 'import';
  return event.occurredAt < appliedAt - LATE_EVENT_AFTER_MS ? 'late' : 'live';
};

/**
 * Whether the event's month gets its own fact partitions. Late events do not: their rows go to
 * the facts' default partition, so a till with a wrong clock (or a hostile one) cannot make the
 * warehouse create a partition for every month back to 2000. Live and imported events do.
 */
export const earnsPartition = (event: PosEvent, appliedAt: number): boolean =>
  originOf(event, appliedAt) !== 'late';
