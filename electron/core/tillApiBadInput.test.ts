// Every till API method, called through dispatch with arbitrary input: always a Result with a known
// code, never INTERNAL for malformed input, and the database untouched whenever a call is refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../shared/api/inputs';
import { ERROR_CODES } from '../../shared/result';
import { inputFor, isValidInput, ONLY_INVALID } from '../test/badInputArbitraries';
import { openTestCore, type TestCore } from '../test/testSupport';

let t: TestCore;
let ownerId: string;
beforeAll(async () => {
  t = await openTestCore();
  await t.product('KCT-001', 89_900);
  ownerId = t.ctx.session.userId!;
});
afterAll(() => t.close());

const tableCounts = (): Record<string, number> => {
  const tables = t.ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (t.ctx.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
};

const RUNS_PER_METHOD = 40;

describe('till API bad input', () => {
  it.each(API_METHODS.map((m) => [m]))(
    '%s: a known code, no INTERNAL, nothing stored when refused',
    async (method) => {
      await fc.assert(
        fc.asyncProperty(inputFor(method as ApiMethod), async (input) => {
          const valid = isValidInput(method as ApiMethod, input);
          fc.pre(!(valid && ONLY_INVALID.has(method as ApiMethod)));
          const before = tableCounts();
          const r = await t.core.dispatch(method as ApiMethod, input);
          if (t.ctx.session.userId === null) t.ctx.session.userId = ownerId; // auth-logout succeeded
          if (r.ok) return;
          expect(ERROR_CODES).toContain(r.error.code);
          expect(
            r.error.code,
            `${method} ${JSON.stringify(input)?.slice(0, 200)}: ${r.error.message}`,
          ).not.toBe('INTERNAL');
          expect(r.error.message.length).toBeGreaterThan(0);
          if (!valid) expect(r.error.code).toBe('VALIDATION');
          const after = tableCounts();
          if (r.error.code === 'BAD_PIN') {
            // A wrong PIN is refused but recorded (issue 11): its failure counter and one
            // pin_failed event for HQ. Nothing else may change.
            expect(after.outbox).toBe((before.outbox ?? 0) + 1);
            expect((after.pin_failures ?? 0) - (before.pin_failures ?? 0)).toBeLessThanOrEqual(1);
            after.outbox = before.outbox ?? 0;
            after.pin_failures = before.pin_failures ?? 0;
          }
          expect(after).toEqual(before);
        }),
        { numRuns: RUNS_PER_METHOD },
      );
    },
  );

  it('answers unknown methods and non-string method names with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constant('__proto__'), fc.constant('toString')),
        async (name) => {
          fc.pre(!(API_METHODS as string[]).includes(name));
          const r = await t.core.dispatch(name as ApiMethod, {});
          expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
        },
      ),
      { numRuns: 50 },
    );
    const r = await t.core.dispatch(42 as unknown as ApiMethod, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

describe('till API absurd but schema-valid amounts', () => {
  // A price up to 1e12 × a quantity up to 100,000 could exceed the wire schema's bounds; the
  // cart refuses it while it is built (shared/pricing.ts MAX_CART_AMOUNT), never at checkout.
  it('refuses a cart total above the wire limit with VALIDATION, not INTERNAL', async () => {
    const p = await t.product('BIG-1', 1e12, 1_800);
    await t.core.dispatch('shift-open', { openingFloat: 0 });
    const cart = await t.call('cart-open', {});
    const added = await t.core.dispatch('cart-add-item', {
      cartId: cart.id,
      productId: p.id,
      quantity: 15,
    });
    const paid = await t.core.dispatch('cart-checkout', {
      cartId: cart.id,
      payments: Array.from({ length: 15 }, () => ({ tender: 'card' as const, amount: 1e12 })),
    });
    const codes = [added, paid].flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect(codes).not.toContain('INTERNAL');
    expect(added).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

// Issue 11: text Postgres cannot store (NUL, other controls, lone surrogates) used to pass every
// till input, reach the outbox, be accepted by the gateway and be dead-lettered at HQ. Each typed
// text is now refused with VALIDATION before anything is stored; CSV cells name their line.
describe('till API control characters and numbers past their limits', () => {
  const HOSTILE = ['\u0000', '\u0001', '\u001b', '\u007f', '\ud800'];
  const product = (name: string) => ({
    sku: `NUL-${name.length}`,
    barcodes: [],
    name,
    category: 'Kitchen',
    subCategory: '',
    unitPrice: 100,
    taxRateBp: 0,
    reorderLevel: 0,
    leadTimeDays: 0,
    active: true,
  });
  const withText = (s: string): Array<[ApiMethod, unknown]> => [
    ['catalog-upsert', { product: product(`Mug${s}`) }],
    ['catalog-upsert', { product: { ...product('Mug'), sku: `S${s}` } }],
    ['catalog-upsert', { product: { ...product('Mug'), category: `K${s}` } }],
    ['catalog-upsert', { product: { ...product('Mug'), barcodes: [`40${s}`] } }],
    ['catalog-search', { query: `m${s}` }],
    ['settings-update', { receiptHeader: `Hello${s}` }],
    ['settings-update', { storeName: `Shop${s}` }],
    ['users-create', { name: `Ann${s}`, role: 'cashier', pin: '123456' }],
    ['cart-park', { cartId: 'c1', note: `n${s}` }],
    ['shift-cash-move', { amount: 100, reason: `float${s}` }],
    ['stock-adjust', { productId: 'p1', delta: 1, reason: `r${s}` }],
    ['stock-receive', { items: [{ productId: 'p1', quantity: 1 }], note: `n${s}` }],
    [
      'return-create',
      {
        originalEventId: 'e1',
        lines: [{ originalLineNo: 1, quantity: 1 }],
        refunds: [{ tender: 'cash', amount: 1, reference: `x${s}` }],
        restock: false,
        reason: 'r',
      },
    ],
  ];

  it('refuses every typed text with a control character with VALIDATION, storing nothing', async () => {
    for (const c of HOSTILE) {
      for (const [method, input] of withText(c)) {
        const before = tableCounts();
        const r = await t.core.dispatch(method, input);
        expect(r, `${method} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
        if (!r.ok) expect(r.error.message).toMatch(/control characters/);
        expect(tableCounts()).toEqual(before);
      }
    }
  });

  it('refuses line numbers and offsets past their limits with VALIDATION', async () => {
    const calls: Array<[ApiMethod, unknown]> = [
      ['cart-set-quantity', { cartId: 'c1', lineNo: 10_001, quantity: 1 }],
      ['cart-remove-line', { cartId: 'c1', lineNo: 2 ** 31 }],
      ['stock-list', { offset: 2 ** 31 }],
      ['catalog-list', { offset: 2 ** 31 }],
    ];
    for (const [method, input] of calls) {
      const r = await t.core.dispatch(method, input);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('skips a catalog CSV row with a NUL in a cell, naming its line; the valid rows import', async () => {
    const csv = 'sku,name,price\nOK-1,Fine,1.00\nNUL-1,Bad\u0000name,2.00\n';
    const preview = await t.call('catalog-import-preview', { csv, kind: 'catalog' });
    expect(preview.errors).toContainEqual(
      expect.objectContaining({
        line: 3,
        column: 'name',
        reason: expect.stringMatching(/control/),
      }),
    );
    const r = await t.core.dispatch('catalog-import-commit', { csv, kind: 'catalog' });
    expect(r).toMatchObject({ ok: true, value: { imported: 1, skipped: 1 } });
    expect(await t.productByCode('NUL-1')).toBeNull();
    const before = tableCounts();
    const none = await t.core.dispatch('catalog-import-commit', {
      csv: 'sku,name,price\nNUL-1,Bad\u0000name,2.00\n',
      kind: 'catalog',
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    expect(tableCounts()).toEqual(before);
  });
});
