// Issue 12: a discount above the limit is checked before any PIN is asked (an impossible one is
// refused with its own code), and the request for approval says what is approved: the share, the
// amount and the limit, which the approval box shows ("25 % = ₹4,399.75, your limit 10 %").
// Also the stock on hand beside each cart line, for the till's above-stock warning.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cart } from '../../../shared/api/types';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
let cart: Cart;
beforeEach(async () => {
  t = await openTestCore(); // default discount limit: 10 %
  await t.product('SH1', 17_599_00, 0);
  await t.call('shift-open', { openingFloat: 0 });
  const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
  await t.call('auth-login', { userId: cashier.id, pin: '5555' });
  await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
  cart = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: cart.id, code: 'SH1', quantity: 1 });
});
afterEach(() => t.close());

describe('line discount above the limit', () => {
  it('carries share, amount and limit on OWNER_APPROVAL_REQUIRED', async () => {
    const e = await t.fail('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 2500 },
    });
    expect(e.code).toBe('OWNER_APPROVAL_REQUIRED');
    expect(e.details).toEqual({
      kind: 'discount',
      lineNo: 1,
      shareBp: 2500,
      amount: 4_399_75,
      limitBp: 1000,
    });
  });

  it('refuses an impossible discount with DISCOUNT_TOO_LARGE before asking for a PIN', async () => {
    const overLine = await t.fail('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'amount', amount: 20_000_00 },
    });
    expect(overLine.code).toBe('DISCOUNT_TOO_LARGE');
    // Above 100 % is not even a discount: refused as input, still before any PIN.
    const overHundred = await t.fail('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 15_000 },
    });
    expect(overHundred.code).toBe('VALIDATION');
    const sale = await t.fail('cart-set-cart-discount', {
      cartId: cart.id,
      discount: { kind: 'amount', amount: 20_000_00 },
    });
    expect(sale.code).toBe('DISCOUNT_TOO_LARGE');
  });

  it('says the sale discount is what needs approval, with its amount', async () => {
    const e = await t.fail('cart-set-cart-discount', {
      cartId: cart.id,
      discount: { kind: 'amount', amount: 3_519_80 },
    });
    expect(e.code).toBe('OWNER_APPROVAL_REQUIRED');
    expect(e.details).toEqual({
      kind: 'discount',
      lineNo: null,
      shareBp: 2000,
      amount: 3_519_80,
      limitBp: 1000,
    });
  });
});

describe('stock on hand in the cart', () => {
  it('shows each line with the product stock on hand', async () => {
    const view = await t.call('cart-get', { cartId: cart.id });
    expect(view.lines[0]!.onHand).toBe(0);
    const more = await t.call('cart-set-quantity', { cartId: cart.id, lineNo: 1, quantity: 3 });
    expect(more.lines[0]!.onHand).toBe(0);
  });
});
