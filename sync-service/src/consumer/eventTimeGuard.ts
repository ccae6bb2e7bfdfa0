// The consumer's own check of event times, behind the gateway's (gateway/eventClock.ts): an event
// that reached Kafka some other way, or through a gateway with a wrong clock, must not make the
// warehouse create monthly partitions far in the future (one per month up to 2100) or book sales
// in months that have not happened. Such events are dead-lettered as EVENT_FROM_FUTURE before any
// partition is made. The bound is the gateway's largest allowed skew (one day) plus a day for
// clocks differing between hosts, so nothing the gateway accepted is ever refused here.
import type { LedgerEntry } from '../warehouse/eventsRepo';

export const CONSUMER_MAX_FUTURE_MS = 2 * 86_400_000;

export const splitFutureEvents = (
  entries: readonly LedgerEntry[],
  now: number,
): { present: LedgerEntry[]; future: LedgerEntry[] } => {
  const present: LedgerEntry[] = [];
  const future: LedgerEntry[] = [];
  for (const entry of entries)
    (entry.event.occurredAt > now + CONSUMER_MAX_FUTURE_MS ? future : present).push(entry);
  return { present, future };
};
