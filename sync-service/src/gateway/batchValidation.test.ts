import { describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events/envelope';
import { uuidv7 } from '../../../shared/uuidv7';
import {
  eventsOfEveryType,
  HOSTILE_CHARACTERS,
  NUMBERS_PAST_THEIR_COLUMN,
  stringPaths,
  withAt,
} from '../../test/hostileEvents';
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

// Issue 11: times against the gateway's clock, text no hop can store, numbers past their column.
describe('checkBatch against hostile values', () => {
  const now = Date.UTC(2026, 11, 4, 12);
  const policy = { now, maxFutureSkewMs: 5 * 60_000 };
  const statuses = (events: readonly unknown[]) => {
    const verdict = checkBatch(events, till, policy);
    if (verdict.kind !== 'checked') throw new Error('expected checked');
    return verdict;
  };

  it('accepts one valid event of every type', () => {
    const verdict = statuses(eventsOfEveryType(till, now));
    expect(verdict.results.map((r) => r.status)).toEqual(Array(7).fill('accepted'));
  });

  it('refuses an event later than its clock plus the skew with EVENT_FROM_FUTURE, not one within', () => {
    const [farFuture, justAhead, tooFarAhead, farPast] = [
      event({ occurredAt: Date.UTC(2099, 0, 1) }),
      event({ occurredAt: now + 4 * 60_000 }),
      event({ occurredAt: now + 6 * 60_000 }),
      event({ occurredAt: Date.UTC(2001, 0, 1) }),
    ];
    const verdict = statuses([farFuture, justAhead, tooFarAhead, farPast]);
    expect(verdict.results.map((r) => r.code ?? r.status)).toEqual([
      'EVENT_FROM_FUTURE',
      'accepted',
      'EVENT_FROM_FUTURE',
      // Old events land (a till back after weeks offline, an import); the ledger marks them late.
      'accepted',
    ]);
    expect(verdict.results[0]!.message).toMatch(/clock/);
    expect(verdict.toPublish.map((e) => e.eventId)).toEqual([justAhead.eventId, farPast.eventId]);
  });

  it('refuses NUL, other control characters and lone surrogates in every text field', () => {
    const all = eventsOfEveryType(till, now);
    let checked = 0;
    for (const e of all) {
      for (const path of stringPaths(e.payload).map((p) => ['payload', ...p])) {
        for (const c of HOSTILE_CHARACTERS) {
          const bad = withAt(e, path, (old) => `${String(old).slice(0, 1)}${c}`);
          const verdict = statuses([bad, all[0]]);
          expect(
            verdict.results[0],
            `${e.type} ${path.join('.')} ${JSON.stringify(c)}`,
          ).toMatchObject({ status: 'rejected', code: 'INVALID_EVENT' });
          expect(verdict.results[1]!.status).toBe('accepted');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('refuses numbers one past the column that stores them', () => {
    const all = eventsOfEveryType(till, now);
    for (const [type, path, value] of NUMBERS_PAST_THEIR_COLUMN) {
      const e = all.find((x) => x.type === type)!;
      const verdict = statuses([withAt(e, path, () => value)]);
      expect(verdict.results[0], `${type} ${path.join('.')}`).toMatchObject({
        status: 'rejected',
        code: 'INVALID_EVENT',
      });
    }
  });
});
