import { describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events';
import type { ApplyOutcome } from '../warehouse/applyEvents';
import type { LedgerEntry } from '../warehouse/eventsRepo';
import { applyBisecting } from './bisectApply';

class DataError extends Error {}
const entry = (i: number): LedgerEntry => ({
  event: { eventId: `e${i}` } as PosEvent,
  position: { partition: 0, offset: String(i), index: 0 },
});
/** An apply that refuses any part holding a bad event, as one Postgres transaction would. */
const applyRefusing = (bad: ReadonlySet<string>) => async (part: readonly LedgerEntry[]) => {
  if (part.some((x) => bad.has(x.event.eventId))) throw new DataError('bad');
  return {
    applied: part.map((x) => x.event),
    duplicates: 0,
    saleLines: 0,
    versions: [],
    conflicts: [],
  };
};
const appliedIds = (outcomes: readonly ApplyOutcome[]) =>
  outcomes.flatMap((o) => o.applied.map((e) => e.eventId));

describe('applyBisecting', () => {
  it('applies a clean sub-batch in one transaction', async () => {
    const entries = Array.from({ length: 5_000 }, (_, i) => entry(i));
    const r = await applyBisecting(
      applyRefusing(new Set()),
      (e) => e instanceof DataError,
      entries,
    );
    expect(r).toMatchObject({ transactions: 1, refused: [] });
  });

  it('isolates bad events in O(k log n) transactions, applies the rest in order', async () => {
    const entries = Array.from({ length: 5_000 }, (_, i) => entry(i));
    const bad = new Set(['e0', 'e2500', 'e4999']);
    const r = await applyBisecting(applyRefusing(bad), (e) => e instanceof DataError, entries);
    expect(r.refused.map((x) => x.entry.event.eventId)).toEqual(['e0', 'e2500', 'e4999']);
    expect(appliedIds(r.outcomes)).toEqual(
      entries.map((x) => x.event.eventId).filter((id) => !bad.has(id)),
    );
    // Event by event this was 5,001; three bad events cost at most 1 + 3·2·⌈log2 5000⌉.
    expect(r.transactions).toBeLessThanOrEqual(1 + 3 * 2 * Math.ceil(Math.log2(5_000)));
  });

  it('lets errors that are not about the data through at once', async () => {
    const down = async (): Promise<ApplyOutcome> => {
      throw new Error('connection refused');
    };
    await expect(
      applyBisecting(down, (e) => e instanceof DataError, [entry(1), entry(2)]),
    ).rejects.toThrow('connection refused');
  });
});
