import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../shared/api/types';
import { openTestCore, OWNER_PIN, type TestCore } from '../../test/testSupport';

let t: TestCore;
let sale: Receipt;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('A1', 333_00, 500);
  await t.product('B1', 1_999_00, 1_200);
  await t.call('shift-open', { openingFloat: 1_000_00 });
  const cart = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 3 });
  await t.call('cart-add-item', { cartId: cart.id, code: 'B1', quantity: 1 });
  await t.call('cart-set-cart-discount', {
    cartId: cart.id,
    discount: { kind: 'amount', amount: 101_01 },
  });
  const cartNow = await t.call('cart-get', { cartId: cart.id });
  sale = await t.call('cart-checkout', {
    cartId: cart.id,
    payments: [{ tender: 'cash', amount: cartNow.totals.total }],
  });
});
afterEach(() => t.close());

const refundFor = async (lines: { originalLineNo: number; quantity: number }[]) => {
  // Ask for a deliberately wrong refund to learn the exact amount from the error-free path below.
  const receipt = await t.call('sale-receipt', { eventId: sale.eventId });
  return { receipt, lines };
};

describe('returns', () => {
  it('returns part of a line, then the rest, giving back exactly the sold amounts', async () => {
    const line = sale.lines[0]!;
    const first = await t.fail('return-create', {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash', amount: 1 }],
      restock: true,
    });
    expect(first.code).toBe('REFUND_MISMATCH');
    const oneUnit = Math.trunc(line.total / 3);
    const r1 = await t.call('return-create', {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash', amount: oneUnit }],
      restock: true,
    });
    expect(r1.kind).toBe('return');
    expect(r1.originalReceiptNo).toBe(sale.receiptNo);
    expect(r1.totals.total).toBe(-oneUnit);
    expect(r1.lines[0]!.quantity).toBe(-1);
    const rest = line.total - oneUnit;
    const r2 = await t.call('return-create', {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 1, quantity: 2 }],
      refunds: [{ tender: 'card', amount: rest }],
      restock: false,
    });
    const sum = (k: 'gross' | 'discount' | 'tax' | 'total') => r1.lines[0]![k] + r2.lines[0]![k];
    expect([sum('gross'), sum('discount'), sum('tax'), sum('total')]).toEqual([
      -line.gross,
      -line.discount,
      -line.tax,
      -line.total,
    ]);
    const after = await t.call('sale-receipt', { receiptNo: sale.receiptNo });
    expect(after.lines[0]!.returnedQuantity).toBe(3);
    expect(after.totals).toEqual(sale.totals); // the original is never edited
  });

  it('never returns more than sold minus already returned', async () => {
    expect(
      (
        await t.fail('return-create', {
          originalEventId: sale.eventId,
          lines: [{ originalLineNo: 1, quantity: 4 }],
          refunds: [{ tender: 'cash', amount: 1 }],
          restock: true,
        })
      ).code,
    ).toBe('RETURN_EXCEEDS_SOLD');
    const { receipt } = await refundFor([]);
    const line2 = receipt.lines[1]!;
    await t.call('return-create', {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 2, quantity: 1 }],
      refunds: [{ tender: 'cash', amount: line2.total }],
      restock: true,
      ownerPin: OWNER_PIN,
    });
    expect(
      (
        await t.fail('return-create', {
          originalEventId: sale.eventId,
          lines: [{ originalLineNo: 2, quantity: 1 }],
          refunds: [{ tender: 'cash', amount: 1 }],
          restock: true,
        })
      ).code,
    ).toBe('RETURN_EXCEEDS_SOLD');
  });

  it('restocks only when asked, and writes a return event with negative amounts', async () => {
    const before = (await t.productByCode('A1'))!.onHand;
    const amount = Math.trunc(sale.lines[0]!.total / 3);
    await t.call('return-create', {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash', amount }],
      restock: false,
    });
    expect((await t.productByCode('A1'))!.onHand).toBe(before);
    const body = JSON.parse(
      (t.core.db.prepare("SELECT body FROM outbox WHERE type = 'return'").get() as { body: string })
        .body,
    ) as {
      payload: { totals: { total: number }; refunds: { amount: number }[]; restock: boolean };
    };
    expect(body.payload.totals.total).toBe(-amount);
    expect(body.payload.refunds[0]!.amount).toBe(-amount);
    expect(body.payload.restock).toBe(false);
  });

  it('needs an owner for a cashier refund over the limit', async () => {
    await t.call('settings-update', { refundLimit: 500_00 });
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
    const total = sale.lines[1]!.total;
    const input = {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 2, quantity: 1 }],
      refunds: [{ tender: 'cash' as const, amount: total }],
      restock: true,
    };
    expect((await t.fail('return-create', input)).code).toBe('OWNER_APPROVAL_REQUIRED');
    expect((await t.call('return-create', { ...input, ownerPin: OWNER_PIN })).totals.total).toBe(
      -total,
    );
  });
});

describe('cumulative refund limits', () => {
  const signInCashier = async () => {
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
  };

  it('counts split single-unit returns of one sale against the refund limit', async () => {
    await t.call('settings-update', { refundLimit: 500_00 });
    await signInCashier();
    const unit = Math.trunc(sale.lines[0]!.total / 3); // about 300: each alone is within 500
    const one = {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash' as const, amount: unit }],
      restock: true,
    };
    await t.call('return-create', one);
    expect((await t.fail('return-create', one)).code).toBe('OWNER_APPROVAL_REQUIRED');
    await t.call('return-create', { ...one, ownerPin: OWNER_PIN });
  });

  it("caps a shift's refunds without an owner at three times the refund limit", async () => {
    await t.call('settings-update', { refundLimit: 400_00 });
    await signInCashier();
    const sales = [];
    for (let i = 0; i < 4; i++) {
      const cart = await t.call('cart-open', {});
      await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 1 });
      sales.push(
        await t.call('cart-checkout', {
          cartId: cart.id,
          payments: [{ tender: 'cash', amount: 333_00 }],
        }),
      );
    }
    const returnOf = (s: Receipt) => ({
      originalEventId: s.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash' as const, amount: 333_00 }],
      restock: true,
    });
    // 3 × 333.00 = 999.00, within 1,200.00; the fourth would make 1,332.00.
    for (const s of sales.slice(0, 3)) await t.call('return-create', returnOf(s));
    expect((await t.fail('return-create', returnOf(sales[3]!))).code).toBe(
      'OWNER_APPROVAL_REQUIRED',
    );
    await t.call('return-create', { ...returnOf(sales[3]!), ownerPin: OWNER_PIN });
  });
});
