import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, OWNER_PIN, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const sellable = async () => {
  const a = await t.product('A1', 1_000_00, 500);
  const b = await t.product('B1', 2_499_00, 1_200);
  await t.call('shift-open', { openingFloat: 2_000_00 });
  return { a, b };
};

describe('checkout', () => {
  it('refuses to sell without an open shift', async () => {
    await t.product('A1', 100_00);
    expect((await t.fail('cart-open', {})).code).toBe('NO_OPEN_SHIFT');
  });

  it('commits sale, lines, payments, stock moves, cart status and one outbox row together', async () => {
    const { a, b } = await sellable();
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: '890A1' });
    await t.call('cart-add-item', { cartId: cart.id, code: '890A1' });
    const priced = await t.call('cart-add-item', { cartId: cart.id, code: 'B1', quantity: 1 });
    expect(priced.lines).toHaveLength(2);
    expect(priced.lines[0]!.quantity).toBe(2);
    expect(priced.totals.total).toBe(4_499_00);
    const receipt = await t.call('cart-checkout', {
      cartId: cart.id,
      payments: [
        { tender: 'card', amount: 2_000_00 },
        { tender: 'cash', amount: 3_000_00 },
      ],
    });
    expect(receipt.eventId).toBe(cart.id);
    expect(receipt.receiptNo).toBe('S1-T1-000001');
    expect(receipt.change).toBe(501_00);
    expect(receipt.totals.tax).toBe(95_24 + 267_75);
    expect((await t.productByCode(a.sku))!.onHand).toBe(-2);
    expect((await t.productByCode(b.sku))!.onHand).toBe(-1);
    expect((await t.call('cart-get', { cartId: cart.id })).status).toBe('completed');
    const row = t.core.db.prepare("SELECT body FROM outbox WHERE type = 'sale'").get() as {
      body: string;
    };
    const event = JSON.parse(row.body) as {
      eventId: string;
      payload: { receiptNo: string; change: number };
    };
    expect(event.eventId).toBe(cart.id);
    expect(event.payload).toMatchObject({ receiptNo: 'S1-T1-000001', change: 501_00 });
    expect(
      (
        await t.fail('cart-checkout', {
          cartId: cart.id,
          payments: [{ tender: 'cash', amount: 1 }],
        })
      ).code,
    ).toBe('CART_NOT_OPEN');
  });

  it('a failing checkout writes no sale, no outbox row and gives back no sequence numbers', async () => {
    await sellable();
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1' });
    const before = (await t.call('outbox-status', {})).lastSeq;
    // Fail after the sale rows were written: a trigger makes the cart update abort mid-transaction.
    t.core.db.exec(
      `CREATE TEMP TRIGGER boom BEFORE UPDATE OF status ON carts BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`,
    );
    const e = await t.fail('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: 1_000_00 }],
    });
    expect(e.code).toBe('INTERNAL');
    t.core.db.exec('DROP TRIGGER boom');
    const count = (sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM sales')).toBe(0);
    expect(count('SELECT count(*) AS n FROM sale_lines')).toBe(0);
    expect(count("SELECT count(*) AS n FROM stock_moves WHERE reason = 'sale'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'sale'")).toBe(0);
    expect((await t.call('outbox-status', {})).lastSeq).toBe(before);
    const receipt = await t.call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: 1_000_00 }],
    });
    expect(receipt.receiptNo).toBe('S1-T1-000001');
    const seqs = (
      t.core.db.prepare('SELECT seq FROM outbox ORDER BY seq').all() as { seq: number }[]
    ).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('rejects short payments and over-tendered cards', async () => {
    await sellable();
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1' });
    expect(
      (
        await t.fail('cart-checkout', {
          cartId: cart.id,
          payments: [{ tender: 'cash', amount: 999_99 }],
        })
      ).code,
    ).toBe('PAYMENT_INSUFFICIENT');
    expect(
      (
        await t.fail('cart-checkout', {
          cartId: cart.id,
          payments: [{ tender: 'card', amount: 1_100_00 }],
        })
      ).code,
    ).toBe('PAYMENT_INVALID');
    expect((await t.fail('cart-checkout', { cartId: cart.id, payments: [] })).code).toBe(
      'VALIDATION',
    );
  });

  it('needs an owner for cashier discounts beyond the limit and for price overrides', async () => {
    await sellable();
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1' });
    const within = await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 1_000 },
    });
    expect(within.totals.total).toBe(900_00);
    expect(
      (
        await t.fail('cart-set-line-discount', {
          cartId: cart.id,
          lineNo: 1,
          discount: { kind: 'amount', amount: 200_00 },
        })
      ).code,
    ).toBe('OWNER_APPROVAL_REQUIRED');
    expect(
      (
        await t.fail('cart-set-line-discount', {
          cartId: cart.id,
          lineNo: 1,
          discount: { kind: 'amount', amount: 200_00 },
          ownerPin: '9999',
        })
      ).code,
    ).toBe('BAD_PIN');
    const approved = await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'amount', amount: 200_00 },
      ownerPin: OWNER_PIN,
    });
    expect(approved.totals.total).toBe(800_00);
    expect(
      (await t.fail('cart-override-price', { cartId: cart.id, lineNo: 1, unitPrice: 1_500_00 }))
        .code,
    ).toBe('OWNER_APPROVAL_REQUIRED');
    expect(
      (
        await t.fail('cart-set-line-discount', {
          cartId: cart.id,
          lineNo: 1,
          discount: { kind: 'amount', amount: 2_000_00 },
          ownerPin: OWNER_PIN,
        })
      ).code,
    ).toBe('DISCOUNT_TOO_LARGE');
  });

  it('parks, lists, resumes and voids carts; all survive a restart', async () => {
    await sellable();
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'B1' });
    await t.call('cart-park', { cartId: cart.id, note: 'customer fetching wallet' });
    expect((await t.fail('cart-add-item', { cartId: cart.id, code: 'A1' })).code).toBe(
      'CART_NOT_OPEN',
    );
    const parked = await t.call('cart-list-parked', {});
    expect(parked).toEqual([
      expect.objectContaining({
        id: cart.id,
        lineCount: 1,
        total: 2_499_00,
        note: 'customer fetching wallet',
      }),
    ]);
    const resumed = await t.call('cart-resume', { cartId: cart.id });
    expect(resumed.status).toBe('open');
    await t.call('cart-void', { cartId: cart.id, reason: 'customer left' });
    expect((await t.call('cart-get', { cartId: cart.id })).status).toBe('voided');
  });

  it('validates input and names the field; unknown methods are refused', async () => {
    const e = await t.fail('cart-add-item', { cartId: 'x', quantity: -1 });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('quantity');
    expect((await t.core.dispatch('no-such-method' as 'cart-open', {})).ok).toBe(false);
    const unknown = await t.core.dispatch('no-such-method' as 'cart-open', {});
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_METHOD');
  });

  it('keeps the cached on-hand equal to the ledger sum', async () => {
    const { a, b } = await sellable();
    await t.call('stock-receive', {
      items: [
        { productId: a.id, quantity: 10 },
        { productId: b.id, quantity: 3 },
      ],
    });
    await t.call('stock-adjust', { productId: a.id, delta: -1, reason: 'damaged' });
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 3 });
    const r = await t.call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'card', amount: 3_000_00 }],
    });
    await t.call('return-create', {
      originalEventId: r.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'card', amount: 1_000_00 }],
      restock: true,
    });
    const mismatched = t.core.db
      .prepare(
        'SELECT p.id FROM products p WHERE p.on_hand <> (SELECT coalesce(sum(quantity), 0) FROM stock_moves m WHERE m.product_id = p.id)',
      )
      .all();
    expect(mismatched).toEqual([]);
    expect((await t.productByCode(a.sku))!.onHand).toBe(10 - 1 - 3 + 1);
  });
});
