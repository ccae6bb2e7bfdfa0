import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

describe('stock list', () => {
  it('finds a product by its exact barcode, in the whole list and in the refill list', async () => {
    await t.product('KCT-001', 899_00, 500, {
      name: 'Ivory Cotton Kurta',
      barcodes: ['8900000000011'],
      reorderLevel: 5,
    });
    await t.product('KSL-002', 2_999_00, 500, { name: 'Silk Kurta', barcodes: ['8900000000028'] });
    const all = await t.call('stock-list', { query: '8900000000011' });
    expect(all.items.map((r) => r.sku)).toEqual(['KCT-001']);
    const refill = await t.call('stock-list', { query: '8900000000011', onlyRefill: true });
    expect(refill.items.map((r) => r.sku)).toEqual(['KCT-001']);
  });

  it('gives days of cover and the refill flag from the last 28 days of sales', async () => {
    const fast = await t.product('FAST', 100_00, 500, { reorderLevel: 2, leadTimeDays: 10 });
    const slow = await t.product('SLOW', 100_00, 500, { reorderLevel: 2, leadTimeDays: 10 });
    await t.call('stock-receive', {
      items: [
        { productId: fast.id, quantity: 40 },
        { productId: slow.id, quantity: 40 },
      ],
      note: 'delivery',
    });
    await t.call('shift-open', { openingFloat: 0 });
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, productId: fast.id, quantity: 28 });
    await t.call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'card', amount: 2_800_00 }],
    });
    const list = await t.call('stock-list', {});
    const row = list.items.find((r) => r.productId === fast.id)!;
    expect(row).toMatchObject({
      onHand: 12,
      avgDailyUnits28d: 1,
      daysOfCover: 12,
      needsRefill: false,
    });
    expect(row.lastReceivedAt).not.toBeNull();
    expect(list.items.find((r) => r.productId === slow.id)).toMatchObject({
      onHand: 40,
      daysOfCover: null,
      needsRefill: false,
    });
    await t.call('stock-adjust', { productId: fast.id, delta: -5, reason: 'damaged in monsoon' });
    const refill = await t.call('stock-list', { onlyRefill: true });
    expect(refill.items.map((r) => r.productId)).toEqual([fast.id]); // 7 days of cover < 10 lead time
    expect(refill.total).toBe(1);
    const moves = await t.call('stock-moves', { productId: fast.id });
    expect(moves.map((m) => [m.reason, m.quantity])).toEqual([
      ['adjustment', -5],
      ['sale', -28],
      ['receipt', 40],
    ]);
  });

  it('writes one stock_move outbox event per receipt line and adjustment', async () => {
    const p = await t.product('P', 100_00);
    await t.call('stock-receive', {
      items: [{ productId: p.id, quantity: 5, unitCost: 40_00 }],
      note: '',
    });
    await t.call('stock-adjust', { productId: p.id, delta: 2, reason: 'found in back room' });
    const bodies = (
      t.core.db.prepare("SELECT body FROM outbox WHERE type = 'stock_move' ORDER BY seq").all() as {
        body: string;
      }[]
    ).map((r) => (JSON.parse(r.body) as { payload: { reason: string; quantity: number } }).payload);
    expect(bodies.map((b) => [b.reason, b.quantity])).toEqual([
      ['receipt', 5],
      ['adjustment', 2],
    ]);
    const status = await t.call('outbox-status', {});
    expect(status).toMatchObject({
      pending: status.lastSeq,
      sent: 0,
      rejected: 0,
      online: null,
      enrolled: false,
    });
  });
});
