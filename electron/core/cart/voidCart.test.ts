import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER_PIN, openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('A1', 1_500_00, 500);
  await t.call('shift-open', { openingFloat: 0 });
});
afterEach(() => t.close());

const cartOf = async (quantity: number) => {
  const cart = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity });
  return cart.id;
};

const voidEvents = () =>
  (
    t.core.db.prepare("SELECT body FROM outbox WHERE type = 'cart_void' ORDER BY seq").all() as {
      body: string;
    }[]
  ).map(
    (r) =>
      (JSON.parse(r.body) as { payload: Record<string, unknown> }).payload as {
        reason: string;
        total: number;
        approverId: string | null;
        cashierName: string;
      },
  );

describe('voiding a sale', () => {
  it('needs a reason, and an owner above the void limit; each void is an event and on the Z report', async () => {
    // The default void limit is 2,000.00; the owner can change it on the Settings screen.
    expect((await t.call('settings-get', {})).voidApprovalLimit).toBe(2_000_00);
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    await t.call('shift-join', {});

    const small = await cartOf(1); // 1,500.00: within the limit
    expect((await t.fail('cart-void', { cartId: small })).code).toBe('VOID_REASON_REQUIRED');
    expect((await t.fail('cart-void', { cartId: small, reason: '   ' })).code).toBe(
      'VOID_REASON_REQUIRED',
    );
    expect((await t.call('cart-get', { cartId: small })).status).toBe('open');
    await t.call('cart-void', { cartId: small, reason: 'customer left' });

    const large = await cartOf(2); // 3,000.00: beyond it
    expect((await t.fail('cart-void', { cartId: large, reason: 'changed mind' })).code).toBe(
      'OWNER_APPROVAL_REQUIRED',
    );
    expect(
      (await t.fail('cart-void', { cartId: large, reason: 'changed mind', ownerPin: '000000' }))
        .code,
    ).toBe('BAD_PIN');
    expect((await t.call('cart-get', { cartId: large })).status).toBe('open');
    await t.call('cart-void', { cartId: large, reason: 'changed mind', ownerPin: OWNER_PIN });
    expect((await t.fail('cart-void', { cartId: large, reason: 'again' })).code).toBe(
      'CART_NOT_OPEN',
    );

    // An empty sale is discarded without a reason or an event.
    const empty = await t.call('cart-open', {});
    await t.call('cart-void', { cartId: empty.id });

    const events = voidEvents();
    expect(events.map((e) => [e.reason, e.total, e.approverId !== null, e.cashierName])).toEqual([
      ['customer left', 1_500_00, false, 'Cass'],
      ['changed mind', 3_000_00, true, 'Cass'],
    ]);
    const z = await t.call('shift-close', { countedCash: 0 });
    expect(z.voidsCount).toBe(2);
    expect(z.voidsTotal).toBe(4_500_00);
    expect(z.byCashier.find((c) => c.cashierName === 'Cass')).toMatchObject({
      voidsCount: 2,
      voidsTotal: 4_500_00,
    });
  });

  it('follows the void limit the owner sets', async () => {
    await t.call('settings-update', { voidApprovalLimit: 500_00 });
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
    const cart = await cartOf(1);
    expect((await t.fail('cart-void', { cartId: cart, reason: 'mistake' })).code).toBe(
      'OWNER_APPROVAL_REQUIRED',
    );
  });
});
