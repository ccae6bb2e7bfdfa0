import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('A1', 1_000_00, 500);
});
afterEach(() => t.close());

const sell = async (
  quantity: number,
  payments: { tender: 'cash' | 'card' | 'mobile'; amount: number }[],
) => {
  const cart = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity });
  return t.call('cart-checkout', { cartId: cart.id, payments });
};

describe('shift and Z report', () => {
  it('sums sales, returns, tenders and the expected cash', async () => {
    const shift = await t.call('shift-open', { openingFloat: 2_000_00 });
    expect((await t.fail('shift-open', { openingFloat: 0 })).code).toBe('SHIFT_ALREADY_OPEN');
    const s1 = await sell(2, [{ tender: 'cash', amount: 2_500_00 }]); // change 500
    await sell(1, [{ tender: 'card', amount: 1_000_00 }]);
    await sell(3, [
      { tender: 'mobile', amount: 1_000_00 },
      { tender: 'cash', amount: 2_000_00 },
    ]);
    await t.call('return-create', {
      originalEventId: s1.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash', amount: 1_000_00 }],
      restock: true,
    });
    await t.call('shift-cash-move', { amount: 300_00, reason: 'change top-up' });
    await t.call('shift-cash-move', { amount: -150_00, reason: 'tea' });
    const z = await t.call('shift-close', { countedCash: 5_600_00 });
    // float 2000 + cash sales (2500 + 2000) − change 500 − refund 1000 + in 300 − out 150
    expect(z.expectedCash).toBe(5_150_00);
    expect(z.variance).toBe(450_00);
    expect(z.salesCount).toBe(3);
    expect(z.returnsCount).toBe(1);
    expect(z.grossSales).toBe(6_000_00);
    expect(z.returnsTotal).toBe(-1_000_00);
    expect(z.byTender).toEqual([
      { tender: 'card', amount: 1_000_00 },
      { tender: 'cash', amount: 3_000_00 },
      { tender: 'mobile', amount: 1_000_00 },
    ]);
    // Net + tax = total takings (inclusive store)
    expect(z.netSales + z.tax).toBe(5_000_00);
    expect(z.cashIn).toBe(300_00);
    expect(z.cashOut).toBe(150_00);
    expect(await t.call('shift-z-report', { shiftId: shift.id })).toEqual(z);
    expect(await t.call('shift-current', {})).toBeNull();
    expect((await t.fail('cart-open', {})).code).toBe('NO_OPEN_SHIFT');
    const close = JSON.parse(
      (
        t.core.db.prepare("SELECT body FROM outbox WHERE type = 'shift_close'").get() as {
          body: string;
        }
      ).body,
    ) as { payload: { variance: number } };
    expect(close.payload.variance).toBe(450_00);
  });
});
