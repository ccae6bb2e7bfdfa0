// The status strip (outbox-status) and the attention list (sync-status) read the same rejected
// events: one the owner dismissed stops being counted by both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxQueue } from './outboxQueue';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

describe('outbox-status and sync-status', () => {
  it('stop counting a rejected event once the owner dismisses it', async () => {
    await t.product('KCT-001', 899_00);
    await t.product('KSL-002', 2_999_00);
    const { lastSeq } = await t.call('outbox-status', {});
    expect(lastSeq).toBeGreaterThanOrEqual(2);
    // HQ refuses two events, through the relay's own write path.
    const relayQueue = createOutboxQueue(t.ctx.db);
    expect(relayQueue.reject(lastSeq, 'INVALID_EVENT', 'payload: bad', Date.now())).toBe(1);
    expect(relayQueue.reject(lastSeq - 1, 'INVALID_EVENT', 'payload: bad', Date.now())).toBe(1);

    const before = await t.call('outbox-status', {});
    expect(before.rejected).toBe(2);
    expect(before.rejectedEvents).toHaveLength(2);
    expect((await t.call('sync-status', {})).rejected).toHaveLength(2);

    const dismissed = before.rejectedEvents[0]!.eventId;
    await t.call('sync-dismiss-rejected', { eventId: dismissed });

    const strip = await t.call('outbox-status', {});
    const attention = await t.call('sync-status', {});
    expect(strip.rejected).toBe(1);
    expect(strip.rejectedEvents.map((r) => r.eventId)).not.toContain(dismissed);
    expect(attention.rejected.map((r) => r.eventId)).toEqual(
      strip.rejectedEvents.map((r) => r.eventId),
    );
    // The dismissed event stays rejected (a fact); it is not counted as sent or pending.
    expect(strip.lastSeq - strip.sent - strip.pending).toBe(2);
  });
});
