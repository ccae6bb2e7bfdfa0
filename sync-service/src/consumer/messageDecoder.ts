// Turns one Kafka message into a validated event or a dead-letter reason. Never throws: bad data
// must not crash or stall the consumer.
import { validateEvent, type PosEvent } from '../../../shared/events';

export interface KafkaPosition {
  partition: number;
  offset: string;
}

export type DecodedMessage =
  | { ok: true; event: PosEvent; position: KafkaPosition }
  | {
      ok: false;
      position: KafkaPosition;
      reasonCode:
        | 'EMPTY_MESSAGE'
        | 'MALFORMED_JSON'
        | 'INVALID_EVENT'
        | 'UNSUPPORTED_SCHEMA_VERSION'
        | 'UNPROCESSABLE';
      reason: string;
      raw: string | null;
      eventId: string | null;
      storeId: string | null;
    };

const stringField = (value: unknown, field: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[field];
  return typeof v === 'string' ? v.slice(0, 200) : null;
};

export const decodeMessage = (value: Buffer | null, position: KafkaPosition): DecodedMessage => {
  if (value === null || value.length === 0) {
    return {
      ok: false,
      position,
      reasonCode: 'EMPTY_MESSAGE',
      reason: 'message has no value',
      raw: null,
      eventId: null,
      storeId: null,
    };
  }
  const raw = value.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    const reason = `not JSON: ${(e as Error).message}`;
    return {
      ok: false,
      position,
      reasonCode: 'MALFORMED_JSON',
      reason,
      raw,
      eventId: null,
      storeId: null,
    };
  }
  const validation = validateEvent(parsed);
  if (validation.ok) return { ok: true, event: validation.event, position };
  return {
    ok: false,
    position,
    reasonCode: validation.code,
    reason: validation.message,
    raw,
    eventId: stringField(parsed, 'eventId'),
    storeId: stringField(parsed, 'storeId'),
  };
};
