import { describe, expect, it } from 'vitest';
import { generateEvents } from '../warehouse/syntheticEvents';
import { decodeMessage } from './messageDecoder';

const at = { partition: 1, offset: '42' };
const [event] = generateEvents(1, {
  seed: 1,
  stores: [{ storeId: 's1', timeZone: 'UTC', tills: ['t1'] }],
  products: 3,
  fromMs: Date.UTC(2024, 0, 1),
  toMs: Date.UTC(2024, 0, 1),
});

describe('decodeMessage', () => {
  it('accepts a valid event', () => {
    const d = decodeMessage(Buffer.from(JSON.stringify(event)), at);
    expect(d.ok && d.event.eventId).toBe(event!.eventId);
  });

  it('names why a message cannot be applied, never throwing', () => {
    const code = (value: Buffer | null) => {
      const d = decodeMessage(value, at);
      return d.ok ? 'ok' : d.reasonCode;
    };
    expect(code(null)).toBe('EMPTY_MESSAGE');
    expect(code(Buffer.from('{oops'))).toBe('MALFORMED_JSON');
    expect(code(Buffer.from(JSON.stringify({ ...event, seq: 0 })))).toBe('INVALID_EVENT');
    expect(code(Buffer.from(JSON.stringify({ ...event, schemaVersion: 2 })))).toBe(
      'UNSUPPORTED_SCHEMA_VERSION',
    );
    const bad = decodeMessage(Buffer.from(JSON.stringify({ ...event, seq: 0 })), at);
    expect(!bad.ok && [bad.eventId, bad.storeId]).toEqual([event!.eventId, 's1']);
  });
});
