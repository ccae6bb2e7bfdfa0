// Decides, per event of a pushed batch, accepted or rejected, before anything goes to Kafka.
// Policy for events that claim another store or till: the WHOLE batch is refused with 403
// FORBIDDEN. A till that sends someone else's events is misconfigured or compromised, so none of
// its batch is trusted; invalid events, in contrast, are rejected one by one with a code.
import { validateEvent, type PosEvent } from '../../../shared/events/envelope';
import type { PushResult } from '../../../shared/sync/gatewayApi';
import type { TillIdentity } from '../auth/tillAuth';
import { checkEventTime, DEFAULT_MAX_FUTURE_SKEW_MS } from './eventClock';

export interface EventTimePolicy {
  now: number;
  maxFutureSkewMs: number;
}

export type BatchVerdict =
  | { kind: 'forbidden'; message: string }
  | {
      kind: 'checked';
      /** One per input event, in input order. */
      results: PushResult[];
      /** Valid events to publish, each event id once (a batch may repeat an id). */
      toPublish: PosEvent[];
    };

const rawEventId = (value: unknown): string => {
  if (typeof value === 'object' && value !== null && 'eventId' in value) {
    const id = (value as { eventId: unknown }).eventId;
    if (typeof id === 'string') return id.slice(0, 100);
  }
  return '';
};

export function checkBatch(
  events: readonly unknown[],
  till: TillIdentity,
  time: EventTimePolicy = { now: Date.now(), maxFutureSkewMs: DEFAULT_MAX_FUTURE_SKEW_MS },
): BatchVerdict {
  const results: PushResult[] = [];
  const toPublish: PosEvent[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < events.length; index++) {
    const raw = events[index];
    const validation = validateEvent(raw);
    if (!validation.ok) {
      results.push({
        eventId: rawEventId(raw),
        index,
        status: 'rejected',
        code: validation.code,
        message: validation.message,
      });
      continue;
    }
    const event = validation.event;
    if (event.storeId !== till.storeId || event.tillId !== till.tillId) {
      return {
        kind: 'forbidden',
        message:
          `event ${index} (${event.eventId}) is for store ${event.storeId} till ${event.tillId}; ` +
          `this token may only send events of store ${till.storeId} till ${till.tillId}`,
      };
    }
    const refusal = checkEventTime(event, time.now, time.maxFutureSkewMs);
    if (refusal) {
      results.push({ eventId: event.eventId, index, status: 'rejected', ...refusal });
      continue;
    }
    results.push({ eventId: event.eventId, index, status: 'accepted' });
    if (!seen.has(event.eventId)) {
      seen.add(event.eventId);
      toPublish.push(event);
    }
  }
  return { kind: 'checked', results, toPublish };
}
