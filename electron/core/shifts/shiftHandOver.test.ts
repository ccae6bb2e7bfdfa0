import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('A1', 1_000_00, 500);
});
afterEach(() => t.close());

const sell = async (quantity: number) => {
  const cart = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity });
  return t.call('cart-checkout', {
    cartId: cart.id,
    payments: [{ tender: 'cash', amount: quantity * 1_000_00 }],
  });
};

describe('shift hand-over', () => {
  it('tells a second cashier the shift is not theirs until they join; the Z report has a line per cashier', async () => {
    const anna = await t.call('users-create', { name: 'Anna', role: 'cashier', pin: '5555' });
    const ben = await t.call('users-create', { name: 'Ben', role: 'cashier', pin: '6666' });
    await t.call('auth-login', { userId: anna.id, pin: '5555' });
    const opened = await t.call('shift-open', { openingFloat: 500_00 });
    expect(opened.joinedBySignedInUser).toBe(true);
    await sell(2);

    await t.call('auth-login', { userId: ben.id, pin: '6666' });
    const seen = await t.call('shift-current', {});
    expect(seen).toMatchObject({ cashierName: 'Anna', joinedBySignedInUser: false });
    // Ben cannot silently carry on in Anna's shift.
    expect((await t.fail('cart-open', {})).code).toBe('SHIFT_OF_ANOTHER_CASHIER');
    const joined = await t.call('shift-join', {});
    expect(joined.joinedBySignedInUser).toBe(true);
    expect(joined.cashiers.map((c) => c.name)).toEqual(['Anna', 'Ben']);
    await t.call('shift-join', {}); // twice is harmless
    const benSale = await sell(3);
    expect(benSale.cashierName).toBe('Ben');

    const z = await t.call('shift-close', { countedCash: 5_500_00 });
    expect(z.cashierName).toBe('Anna');
    expect(z.closedByName).toBe('Ben');
    expect(
      z.byCashier.map((c) => [c.cashierName, c.salesCount, c.salesTotal, c.voidsCount]),
    ).toEqual([
      ['Anna', 1, 2_000_00, 0],
      ['Ben', 1, 3_000_00, 0],
    ]);
    expect((await t.fail('shift-join', {})).code).toBe('NO_OPEN_SHIFT');
  });

  it('lists closed shifts newest first with their Z reports', async () => {
    const first = await t.call('shift-open', { openingFloat: 0 });
    await sell(1);
    await t.call('shift-close', { countedCash: 1_000_00 });
    const second = await t.call('shift-open', { openingFloat: 0 });
    await sell(2);
    await t.call('shift-close', { countedCash: 1_900_00 });
    await t.call('shift-open', { openingFloat: 0 }); // still open: not in the list
    const list = await t.call('shift-closed-list', {});
    expect(list.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ cashierName: 'Olga Owner', variance: -100_00 });
    const z = await t.call('shift-z-report', { shiftId: first.id });
    expect(z.salesCount).toBe(1);
  });
});
