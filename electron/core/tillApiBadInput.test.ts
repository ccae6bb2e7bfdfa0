// Every till API method, called through dispatch with arbitrary input: always a Result with a known
// code, never INTERNAL for malformed input, and the database untouched whenever a call is refused.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../shared/api/inputs';
import { ERROR_CODES } from '../../shared/result';
import { inputFor, isValidInput, ONLY_INVALID } from './badInputArbitraries';
import { openTestCore, type TestCore } from './testSupport';

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
          expect(tableCounts()).toEqual(before);
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
