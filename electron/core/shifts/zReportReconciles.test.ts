// Property: every Z report's lines add up. Random shifts of sales with line and cart discounts,
// split tenders and partial returns run through the real core; the closing Z report must satisfy
//   inclusive store: gross − discounts − returns − tax = net
//   exclusive store: gross − discounts − returns       = net
// and its figures must equal the sums of the shift's own receipts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../shared/api/types';
import { proRataLine } from '../../../shared/pricing';
import { openTestCore, type TestCore } from '../../test/testSupport';

const PRODUCTS = [
  { sku: 'P1', price: 999_00, tax: 500 },
  { sku: 'P2', price: 1_234_50, tax: 1_200 },
  { sku: 'P3', price: 2_499_00, tax: 1_800 },
  { sku: 'P4', price: 77_77, tax: 0 },
];

const lineArb = fc.record({
  product: fc.integer({ min: 0, max: PRODUCTS.length - 1 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  discountBp: fc.option(fc.integer({ min: 1, max: 6_000 }), { nil: null }),
});
const saleArb = fc.record({
  // One line per product: adding a product already in the cart adds to its line.
  lines: fc.uniqueArray(lineArb, { minLength: 1, maxLength: 4, selector: (l) => l.product }),
  cartDiscountBp: fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
  cardShare: fc.integer({ min: 0, max: 100 }),
  /** Per line: how many units to return (clamped to what was sold); 0 = keep. */
  returns: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
  returnTwice: fc.boolean(),
});
const shiftArb = fc.array(saleArb, { minLength: 1, maxLength: 5 });

type Shift = typeof shiftArb extends fc.Arbitrary<infer T> ? T : never;

const runShift = async (t: TestCore, shift: Shift) => {
  // A failed run (while fast-check shrinks) may leave its shift open: close it first.
  if (await t.call('shift-current', {})) await t.call('shift-close', { countedCash: 0 });
  await t.call('shift-open', { openingFloat: 1_000_00 });
  const receipts: Receipt[] = [];
  for (const s of shift) {
    const cart = await t.call('cart-open', {});
    for (const [i, l] of s.lines.entries()) {
      await t.call('cart-add-item', {
        cartId: cart.id,
        code: PRODUCTS[l.product]!.sku,
        quantity: l.quantity,
      });
      if (l.discountBp !== null)
        await t.call('cart-set-line-discount', {
          cartId: cart.id,
          lineNo: i + 1,
          discount: { kind: 'percent', bp: l.discountBp },
        });
    }
    if (s.cartDiscountBp !== null)
      await t.call('cart-set-cart-discount', {
        cartId: cart.id,
        discount: { kind: 'percent', bp: s.cartDiscountBp },
      });
    const priced = await t.call('cart-get', { cartId: cart.id });
    const total = priced.totals.total;
    const card = Math.trunc((total * s.cardShare) / 100);
    const payments = [
      ...(card > 0 ? [{ tender: 'card' as const, amount: card }] : []),
      ...(total - card > 0 ? [{ tender: 'cash' as const, amount: total - card }] : []),
    ];
    const sale = await t.call('cart-checkout', { cartId: cart.id, payments });
    receipts.push(sale);
    // One or two partial returns against the sale, each refunded in cash.
    for (let round = 0; round < (s.returnTwice ? 2 : 1); round++) {
      const now = await t.call('sale-receipt', { eventId: sale.eventId });
      const lines = now.lines
        .map((l, i) => ({
          line: l,
          quantity: Math.min(s.returns[i] ?? 0, l.quantity - l.returnedQuantity),
        }))
        .filter((x) => x.quantity > 0);
      if (lines.length === 0) break;
      const refund = lines.reduce(
        (sum, x) =>
          sum + proRataLine(x.line, x.line.quantity, x.line.returnedQuantity, x.quantity).total,
        0,
      );
      if (refund <= 0) break;
      const ret = await t.call('return-create', {
        originalEventId: sale.eventId,
        lines: lines.map((x) => ({ originalLineNo: x.line.lineNo, quantity: x.quantity })),
        refunds: [{ tender: 'cash', amount: refund }],
        restock: true,
        ownerPin: '123456',
      });
      receipts.push(ret);
    }
  }
  const z = await t.call('shift-close', { countedCash: 0 });
  return { z, receipts };
};

describe.each(['inclusive', 'exclusive'] as const)('Z report in a %s store', (taxMode) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore({ taxMode });
    for (const p of PRODUCTS) await t.product(p.sku, p.price, p.tax);
  });
  afterAll(() => t.close());

  it('reconciles: gross − discounts − returns − tax = net, and matches the receipts', async () => {
    await fc.assert(
      fc.asyncProperty(shiftArb, async (shift) => {
        const { z, receipts } = await runShift(t, shift);
        const taxInside = taxMode === 'inclusive' ? z.tax : 0;
        expect(z.grossSales - z.discounts + z.returnsTotal - taxInside).toBe(z.netSales);

        const sales = receipts.filter((r) => r.kind === 'sale');
        const returns = receipts.filter((r) => r.kind === 'return');
        const sum = (rs: Receipt[], f: (r: Receipt) => number) => rs.reduce((s, r) => s + f(r), 0);
        expect(z.salesCount).toBe(sales.length);
        expect(z.returnsCount).toBe(returns.length);
        expect(z.grossSales).toBe(sum(sales, (r) => r.totals.gross));
        expect(z.discounts).toBe(sum(sales, (r) => r.totals.discount));
        expect(z.returnsTotal).toBe(sum(returns, (r) => r.totals.gross - r.totals.discount));
        expect(z.netSales).toBe(sum(receipts, (r) => r.totals.net));
        expect(z.tax).toBe(sum(receipts, (r) => r.totals.tax));
        // Net + tax is what the tenders kept.
        const taken = z.byTender.reduce((s, b) => s + b.amount, 0);
        expect(z.netSales + z.tax).toBe(taken);
      }),
      { numRuns: 30, seed: 12 },
    );
  }, 120_000);
});

describe('the issue 12 example shape', () => {
  it('a returned discounted item does not count its discount twice', async () => {
    const t = await openTestCore();
    try {
      await t.product('A1', 1_000_00, 500);
      await t.call('shift-open', { openingFloat: 0 });
      const cart = await t.call('cart-open', {});
      await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 2 });
      await t.call('cart-set-line-discount', {
        cartId: cart.id,
        lineNo: 1,
        discount: { kind: 'percent', bp: 2_000 },
      });
      const sale = await t.call('cart-checkout', {
        cartId: cart.id,
        payments: [{ tender: 'cash', amount: 1_600_00 }],
      });
      await t.call('return-create', {
        originalEventId: sale.eventId,
        lines: [{ originalLineNo: 1, quantity: 1 }],
        refunds: [{ tender: 'cash', amount: 800_00 }],
        restock: true,
      });
      const z = await t.call('shift-close', { countedCash: 800_00 });
      expect(z.grossSales).toBe(2_000_00);
      expect(z.discounts).toBe(400_00);
      expect(z.returnsTotal).toBe(-800_00);
      expect(z.grossSales - z.discounts + z.returnsTotal - z.tax).toBe(z.netSales);
    } finally {
      t.close();
    }
  });
});
