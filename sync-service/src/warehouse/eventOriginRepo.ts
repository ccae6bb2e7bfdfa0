// Marks ledger events that did not happen "just now": history imports (payload.importRef) and
// late events (occurred more than LATE_EVENT_AFTER_MS before they were applied). The gateway
// lets both land (gateway/eventClock.ts refuses only the future); HQ's console counts them per
// store, so imported and back-dated figures are visible as such. Live events, nearly all of them,
// keep the column default and cost no statement.
import type { PoolClient } from 'pg';
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

const MARK = `
UPDATE events e SET origin = u.origin
FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(event_id, store_id, origin)
WHERE e.event_id = u.event_id AND e.store_id = u.store_id`;

/** Inside the applying transaction, for the events the ledger newly accepted. */
export const markEventOrigins = async (
  client: PoolClient,
  applied: readonly PosEvent[],
  appliedAt: number = Date.now(),
): Promise<void> => {
  const marked = applied
    .map((event) => ({ event, origin: originOf(event, appliedAt) }))
    .filter((x) => x.origin !== 'live');
  if (marked.length === 0) return;
  await client.query(MARK, [
    marked.map((x) => x.event.eventId),
    marked.map((x) => x.event.storeId),
    marked.map((x) => x.origin),
  ]);
};
