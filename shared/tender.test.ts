import { describe, expect, it } from 'vitest';
import { settle } from './tender';

describe('settle', () => {
  it('gives change in cash and accepts split tenders', () => {
    expect(settle(4_499, [{ tender: 'cash', amount: 5_000 }])).toEqual({
      ok: true,
      change: 501,
      paid: 5_000,
    });
    expect(
      settle(4_499, [
        { tender: 'card', amount: 2_000 },
        { tender: 'cash', amount: 2_499 },
      ]),
    ).toEqual({ ok: true, change: 0, paid: 4_499 });
  });
  it('refuses short, empty, non-positive and over-tendered card payments', () => {
    expect(settle(100, [{ tender: 'cash', amount: 99 }])).toMatchObject({
      ok: false,
      reason: 'PAYMENT_INSUFFICIENT',
    });
    expect(settle(100, [])).toMatchObject({ ok: false, reason: 'PAYMENT_INVALID' });
    expect(settle(100, [{ tender: 'cash', amount: 0 }])).toMatchObject({
      ok: false,
      reason: 'PAYMENT_INVALID',
    });
    expect(settle(100, [{ tender: 'card', amount: 150 }])).toMatchObject({
      ok: false,
      reason: 'PAYMENT_INVALID',
    });
  });
});
