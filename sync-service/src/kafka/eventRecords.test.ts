import { describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events';
import { generateEvents } from '../../test/syntheticEvents';
import { encodeEventRecords, MAX_RECORD_BYTES } from './eventRecords';

const events = generateEvents(400, {
  seed: 7,
  stores: [{ storeId: 's1', timeZone: 'UTC', tills: ['t1'] }],
  products: 50,
  fromMs: Date.UTC(2024, 0, 1),
  toMs: Date.UTC(2024, 0, 2),
});

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const eventsOf = (records: ReturnType<typeof encodeEventRecords>): unknown[] =>
  records.flatMap((r) => JSON.parse(String(r.value)) as unknown[]);

describe('encodeEventRecords', () => {
  it('puts a batch in one record keyed by the store when it fits', () => {
    const records = encodeEventRecords('s1', events.slice(0, 10));
    expect(records).toHaveLength(1);
    expect(records[0]!.key).toBe('s1');
    expect(eventsOf(records)).toEqual(asJson(events.slice(0, 10)));
  });

  it('splits a large batch into records under the limit, keeping every event in order', () => {
    const limit = 20_000;
    const records = encodeEventRecords('s1', events, limit);
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) expect(Buffer.byteLength(String(r.value))).toBeLessThanOrEqual(limit);
    expect(eventsOf(records)).toEqual(asJson(events));
    expect(
      Buffer.byteLength(String(encodeEventRecords('s1', events)[0]!.value)),
    ).toBeLessThanOrEqual(MAX_RECORD_BYTES);
  });

  it('counts bytes, not characters, and still sends an event larger than the limit alone', () => {
    const wide: PosEvent = { ...events[0]!, storeId: `s1-${'€'.repeat(20)}` };
    const records = encodeEventRecords(
      's1',
      [wide, wide, wide],
      Buffer.byteLength(JSON.stringify(wide)) + 3,
    );
    expect(records).toHaveLength(3);
    expect(encodeEventRecords('s1', [wide], 10)).toHaveLength(1);
    expect(encodeEventRecords('s1', [])).toEqual([]);
  });
});
