import { describe, expect, it } from 'vitest';
import { takeBatch, type PendingRow } from './outboxBatch';

const row = (seq: number, bodyBytes = 50): PendingRow => {
  const base = JSON.stringify({ eventId: `e${seq}`, pad: '' });
  return {
    seq,
    eventId: `e${seq}`,
    body: JSON.stringify({
      eventId: `e${seq}`,
      pad: 'x'.repeat(Math.max(0, bodyBytes - base.length)),
    }),
  };
};

describe('takeBatch', () => {
  it('stops at the event cap and keeps seq order', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1));
    const { batch } = takeBatch(rows, { maxEvents: 7, maxBytes: 1_000_000 });
    expect(batch?.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops before the byte cap and reports the exact payload size', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i + 1, 100));
    const { batch } = takeBatch(rows, { maxEvents: 500, maxBytes: 13 + 100 * 3 + 2 });
    expect(batch?.rows).toHaveLength(3);
    expect(batch?.bytes).toBe(Buffer.byteLength(batch?.payload ?? ''));
    const parsed = JSON.parse(batch?.payload ?? '{}') as { events: { eventId: string }[] };
    expect(parsed.events.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3']);
  });

  it('always takes one row, even one larger than the byte cap', () => {
    const { batch } = takeBatch([row(1, 5_000), row(2)], { maxEvents: 500, maxBytes: 1_000 });
    expect(batch?.rows.map((r) => r.seq)).toEqual([1]);
  });

  it('sets aside bodies that are not JSON objects instead of breaking the request', () => {
    const rows = [
      row(1),
      { seq: 2, eventId: 'bad', body: '{"truncated' },
      { seq: 3, eventId: 'arr', body: '[1]' },
      row(4),
    ];
    const { batch, unsendable } = takeBatch(rows, { maxEvents: 500, maxBytes: 1_000_000 });
    expect(batch?.rows.map((r) => r.seq)).toEqual([1, 4]);
    expect(unsendable.map((u) => u.row.seq)).toEqual([2, 3]);
  });

  it('returns no batch for nothing to send', () => {
    expect(takeBatch([], { maxEvents: 5, maxBytes: 100 }).batch).toBeNull();
  });
});
