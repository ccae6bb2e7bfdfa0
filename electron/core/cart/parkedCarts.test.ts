// The parked-sales list (F9) names each sale by its note and first item, not only by time,
// line count and total: two parked sales of similar size must be told apart at a glance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('KCT-001', 899_00, 500, { name: 'Ivory Cotton Kurta' });
  await t.product('JPJ-003', 1_299_00, 500, { name: 'Embroidered Punjabi Jutti' });
  await t.call('shift-open', { openingFloat: 0 });
});
afterEach(() => t.close());

describe('parked sales list', () => {
  it('gives each parked sale its note and first item', async () => {
    const a = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: a.id, code: 'JPJ-003', quantity: 2 });
    await t.call('cart-add-item', { cartId: a.id, code: 'KCT-001' });
    await t.call('cart-park', { cartId: a.id, note: 'man in blue, fetching wallet' });
    const b = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: b.id, code: 'KCT-001' });
    await t.call('cart-park', { cartId: b.id });
    expect(await t.call('cart-list-parked', {})).toEqual([
      expect.objectContaining({
        id: a.id,
        note: 'man in blue, fetching wallet',
        lineCount: 2,
        firstItem: { name: 'Embroidered Punjabi Jutti', quantity: 2 },
      }),
      expect.objectContaining({
        id: b.id,
        note: '',
        firstItem: { name: 'Ivory Cotton Kurta', quantity: 1 },
      }),
    ]);
  });
});
