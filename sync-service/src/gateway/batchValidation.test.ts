import { describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events/envelope';
import { uuidv7 } from '../../../shared/uuidv7';
import { checkBatch } from './batchValidation';

const till = { storeId: 's1', tillId: 't1' };
const event = (overrides: Partial<PosEvent> = {}): PosEvent =>
  ({
    eventId: uuidv7(),
    schemaVersion: 1,
    storeId: 's1',
    tillId: 't1',
    seq: 1,
    occurredAt: Date.now(),
    type: 'shift_open',
    payload: { shiftId: uuidv7(), cashierId: 'c1', openingFloat: 0 },
    ...overrides,
  }) as PosEvent;

describe('checkBatch', () => {
  it('accepts valid events of the till and publishes a repeated id once', () => {
    const a = event();
    const b = event();
    const verdict = checkBatch([a, b, a], till);
    expect(verdict.kind).toBe('checked');
    if (verdict.kind !== 'checked') return;
    expect(verdict.results.map((r) => [r.eventId, r.index, r.status])).toEqual([
      [a.eventId, 0, 'accepted'],
      [b.eventId, 1, 'accepted'],
      [a.eventId, 2, 'accepted'],
    ]);
    expect(verdict.toPublish.map((e) => e.eventId)).toEqual([a.eventId, b.eventId]);
  });

  it('rejects invalid events individually with their code', () => {
    const verdict = checkBatch(
      [{ eventId: 'abc' }, { ...event(), schemaVersion: 2 }, 7, undefined],
      till,
    );
    if (verdict.kind !== 'checked') throw new Error('expected checked');
    expect(verdict.results.map((r) => [r.eventId, r.code])).toEqual([
      ['abc', 'INVALID_EVENT'],
      [expect.any(String), 'UNSUPPORTED_SCHEMA_VERSION'],
      ['', 'INVALID_EVENT'],
      ['', 'INVALID_EVENT'],
    ]);
    expect(verdict.toPublish).toEqual([]);
  });

  it('forbids the whole batch when any valid event is of another store or till', () => {
    expect(checkBatch([event(), event({ storeId: 's2' })], till)).toMatchObject({
      kind: 'forbidden',
    });
    expect(checkBatch([event({ tillId: 't2' })], till)).toMatchObject({ kind: 'forbidden' });
  });
});
