// Turns one Kafka record into validated events and dead-letter reasons, one per event it holds
// (see kafka/eventRecords.ts: a JSON array of events, or a single event object). Never throws:
// bad data must not crash or stall the consumer, and one bad event in a record does not take the
// record's other events down with it.
import { validateEvent, type PosEvent } from '../../../shared/events';

export interface KafkaPosition {
  partition: number;
  offset: string;
  /** The event's place in its record (0 for a record holding one event). */
  index: number;
}

export type DeadLetterReasonCode =
  | 'EMPTY_MESSAGE'
  | 'MALFORMED_JSON'
  | 'INVALID_EVENT'
  | 'UNSUPPORTED_SCHEMA_VERSION'
  | 'UNPROCESSABLE'
  | 'EVENT_FROM_FUTURE';

export type DecodedMessage =
  | { ok: true; event: PosEvent; position: KafkaPosition }
  | {
      ok: false;
      position: KafkaPosition;
      reasonCode: DeadLetterReasonCode;
      reason: string;
      /** The event's own JSON, or the record's value when the record could not be read at all. */
      raw: string | null;
      /** True when the reason covers the whole record (unreadable, or a record of one event). */
      wholeRecord: boolean;
      eventId: string | null;
      storeId: string | null;
    };

const stringField = (value: unknown, field: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' ? v.slice(0, 200) : null;
};

const unreadable = (
  position: KafkaPosition,
  reasonCode: DeadLetterReasonCode,
  reason: string,
  raw: string | null,
): DecodedMessage => ({
  ok: false,
  position,
  reasonCode,
  reason,
  raw,
  wholeRecord: true,
  eventId: null,
  storeId: null,
});

const decodeEvent = (
  value: unknown,
  position: KafkaPosition,
  raw: () => string,
  wholeRecord: boolean,
): DecodedMessage => {
  const validation = validateEvent(value);
  if (validation.ok) return { ok: true, event: validation.event, position };
  return {
    ok: false,
    position,
    reasonCode: validation.code,
    reason: validation.message,
    raw: raw(),
    wholeRecord,
    eventId: stringField(value, 'eventId'),
    storeId: stringField(value, 'storeId'),
  };
};

/** The events of one record, in record order. */
export const decodeRecord = (
  value: Buffer | null,
  at: { partition: number; offset: string },
): DecodedMessage[] => {
  const first = { ...at, index: 0 };
  if (value === null || value.length === 0) {
    return [unreadable(first, 'EMPTY_MESSAGE', 'message has no value', null)];
  }
  const text = value.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return [unreadable(first, 'MALFORMED_JSON', `not JSON: ${(e as Error).message}`, text)];
  }
  if (!Array.isArray(parsed)) return [decodeEvent(parsed, first, () => text, true)];
  if (parsed.length === 0) {
    return [unreadable(first, 'EMPTY_MESSAGE', 'record holds no events', text)];
  }
  return parsed.map((element: unknown, index) =>
    decodeEvent(element, { ...at, index }, () => JSON.stringify(element) ?? String(element), false),
  );
};
