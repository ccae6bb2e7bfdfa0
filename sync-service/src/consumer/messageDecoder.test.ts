import { describe, expect, it } from 'vitest';
import { encodeEventRecords } from '../kafka/eventRecords';
import { generateEvents } from '../../test/syntheticEvents';
import { decodeRecord } from './messageDecoder';

const at = { partition: 1, offset: '42' };
const events = generateEvents(3, {
  seed: 1,
  stores: [{ storeId: 's1', timeZone: 'UTC', tills: ['t1'] }],
  products: 3,
  fromMs: Date.UTC(2024, 0, 1),
  toMs: Date.UTC(2024, 0, 1),
});
const event = events[0]!;
const codes = (value: Buffer | null) =>
  decodeRecord(value, at).map((d) => (d.ok ? 'ok' : d.reasonCode));

describe('decodeRecord', () => {
  it('reads a record of one event and a record of several, in order', () => {
    const single = decodeRecord(Buffer.from(JSON.stringify(event)), at);
    expect(single.map((d) => d.ok && d.event.eventId)).toEqual([event.eventId]);
    const [record] = encodeEventRecords('s1', events);
    const several = decodeRecord(Buffer.from(String(record!.value)), at);
    expect(several.map((d) => d.ok && d.event.eventId)).toEqual(events.map((e) => e.eventId));
    expect(several.map((d) => d.position)).toEqual([0, 1, 2].map((index) => ({ ...at, index })));
  });

  it('names why a record cannot be applied, never throwing', () => {
    expect(codes(null)).toEqual(['EMPTY_MESSAGE']);
    expect(codes(Buffer.from('[]'))).toEqual(['EMPTY_MESSAGE']);
    expect(codes(Buffer.from('{oops'))).toEqual(['MALFORMED_JSON']);
    expect(codes(Buffer.from('42'))).toEqual(['INVALID_EVENT']);
    expect(codes(Buffer.from(JSON.stringify({ ...event, seq: 0 })))).toEqual(['INVALID_EVENT']);
    expect(codes(Buffer.from(JSON.stringify({ ...event, schemaVersion: 2 })))).toEqual([
      'UNSUPPORTED_SCHEMA_VERSION',
    ]);
    const bad = decodeRecord(Buffer.from(JSON.stringify({ ...event, seq: 0 })), at)[0]!;
    expect(!bad.ok && [bad.eventId, bad.storeId, bad.wholeRecord]).toEqual([
      event.eventId,
      's1',
      true,
    ]);
  });

  it('dead-letters only the bad events of a record, each with its own JSON', () => {
    const poisoned = [events[0], { ...events[1], seq: 0 }, 'junk', events[2]];
    const decoded = decodeRecord(Buffer.from(JSON.stringify(poisoned)), at);
    expect(decoded.map((d) => (d.ok ? 'ok' : d.reasonCode))).toEqual([
      'ok',
      'INVALID_EVENT',
      'INVALID_EVENT',
      'ok',
    ]);
    const second = decoded[1]!;
    expect(!second.ok && [second.position.index, second.wholeRecord, second.eventId]).toEqual([
      1,
      false,
      events[1]!.eventId,
    ]);
    expect(!second.ok && JSON.parse(second.raw!)).toEqual({ ...events[1], seq: 0 });
    const third = decoded[2]!;
    expect(!third.ok && third.raw).toBe('"junk"');
  });
});
