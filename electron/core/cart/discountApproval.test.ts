// The discount limit is judged on the cart as it stands after every change and at checkout
// (issue 11): a cashier cannot stretch an allowed or approved discount by editing the cart after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cart } from '../../../shared/api/types';
import { openTestCore, OWNER_PIN, type TestCore } from '../../test/testSupport';

let t: TestCore;
let cart: Cart;
beforeEach(async () => {
  t = await openTestCore(); // default discount limit: 10 %
  await t.product('A1', 100_00, 0);
  await t.product('B1', 100_00, 0);
  await t.call('shift-open', { openingFloat: 0 });
  const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
  await t.call('auth-login', { userId: cashier.id, pin: '5555' });
  await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
  cart = await t.call('cart-open', {});
});
afterEach(() => t.close());

const salesCount = () =>
  (t.core.db.prepare("SELECT count(*) AS n FROM sales WHERE kind = 'sale'").get() as { n: number })
    .n;

describe('discount approval on the resulting cart', () => {
  it('asks for the owner when lowering the quantity under an amount discount (the 100 % trick)', async () => {
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 10 });
    // 10 % of the gross: within the limit, no PIN.
    await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'amount', amount: 100_00 },
    });
    const refused = await t.fail('cart-set-quantity', { cartId: cart.id, lineNo: 1, quantity: 1 });
    expect(refused.code).toBe('OWNER_APPROVAL_REQUIRED');
    // Refused means not applied: the cart still has 10 units at 10 % off.
    const still = await t.call('cart-get', { cartId: cart.id });
    expect(still.lines[0]!.quantity).toBe(10);
    expect(still.totals.total).toBe(900_00);
    expect(
      (
        await t.fail('cart-set-quantity', {
          cartId: cart.id,
          lineNo: 1,
          quantity: 1,
          ownerPin: '0000',
        })
      ).code,
    ).toBe('BAD_PIN');
    const approved = await t.call('cart-set-quantity', {
      cartId: cart.id,
      lineNo: 1,
      quantity: 1,
      ownerPin: OWNER_PIN,
    });
    expect(approved.totals.total).toBe(0);
    // Approved at 100 %: checkout needs nothing more.
    await t.call('cart-checkout', { cartId: cart.id, payments: [{ tender: 'cash', amount: 1 }] });
    expect(salesCount()).toBe(1);
  });

  it('asks for the owner when removing lines raises a cart amount discount beyond the limit', async () => {
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 1 });
    await t.call('cart-add-item', { cartId: cart.id, code: 'B1', quantity: 1 });
    await t.call('cart-set-cart-discount', {
      cartId: cart.id,
      discount: { kind: 'amount', amount: 20_00 }, // 10 % of 200.00
    });
    expect((await t.fail('cart-remove-line', { cartId: cart.id, lineNo: 2 })).code).toBe(
      'OWNER_APPROVAL_REQUIRED',
    );
    expect((await t.call('cart-get', { cartId: cart.id })).lines).toHaveLength(2);
    const after = await t.call('cart-remove-line', {
      cartId: cart.id,
      lineNo: 2,
      ownerPin: OWNER_PIN,
    });
    expect(after.totals.total).toBe(80_00);
  });

  it('approves the share that was approved, not more: a deeper cut asks again', async () => {
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 10 });
    await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'amount', amount: 300_00 }, // 30 %
      ownerPin: OWNER_PIN,
    });
    // Raising the quantity lowers the share: fine without a PIN.
    await t.call('cart-set-quantity', { cartId: cart.id, lineNo: 1, quantity: 12 });
    // Back to 10 units is 30 %, as approved: fine.
    await t.call('cart-set-quantity', { cartId: cart.id, lineNo: 1, quantity: 10 });
    // 5 units make it 60 %, beyond the approved 30 %.
    expect(
      (await t.fail('cart-set-quantity', { cartId: cart.id, lineNo: 1, quantity: 5 })).code,
    ).toBe('OWNER_APPROVAL_REQUIRED');
  });

  it("does not carry one line's approval to another line", async () => {
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 1 });
    await t.call('cart-add-item', { cartId: cart.id, code: 'B1', quantity: 1 });
    await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 5_000 },
      ownerPin: OWNER_PIN,
    });
    expect(
      (
        await t.fail('cart-set-line-discount', {
          cartId: cart.id,
          lineNo: 2,
          discount: { kind: 'percent', bp: 5_000 },
        })
      ).code,
    ).toBe('OWNER_APPROVAL_REQUIRED');
  });

  it('refuses at checkout a cart whose discount exceeds what was approved', async () => {
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 1 });
    await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 1_000 },
    });
    // The owner lowers the limit while the sale is open (or the cart predates the check).
    const s = t.ctx.repos.settings.get()!;
    t.ctx.repos.settings.update({ ...s, discountLimitBp: 500 });
    const pay = { cartId: cart.id, payments: [{ tender: 'cash' as const, amount: 90_00 }] };
    expect((await t.fail('cart-checkout', pay)).code).toBe('OWNER_APPROVAL_REQUIRED');
    expect(salesCount()).toBe(0);
    await t.call('cart-checkout', { ...pay, ownerPin: OWNER_PIN });
    expect(salesCount()).toBe(1);
  });

  it('judges a cart discount stacked on line discounts by the share of the whole cart', async () => {
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 1 });
    await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 1_000 },
    });
    // 10 % on top of 10 % is 19 % off the gross: each share is within the limit, the cart is not.
    const stacked = { cartId: cart.id, discount: { kind: 'percent' as const, bp: 1_000 } };
    expect((await t.fail('cart-set-cart-discount', stacked)).code).toBe('OWNER_APPROVAL_REQUIRED');
    const approved = await t.call('cart-set-cart-discount', { ...stacked, ownerPin: OWNER_PIN });
    expect(approved.totals.total).toBe(81_00);
  });
});
