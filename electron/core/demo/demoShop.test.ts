import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';
import { DEMO_CASHIERS, loadDemoShop } from './demoShop';

let t: TestCore | undefined;
afterEach(() => t?.close());

describe('demo shop', () => {
  it('writes a season-shaped history through the real till paths', async () => {
    t = await openTestCore({ setUp: false, now: () => Date.UTC(2025, 2, 1, 6) });
    const result = loadDemoShop(t.core, { seed: 3, days: 300 });
    expect(result.products).toBeGreaterThan(250);
    expect(result.sales).toBeGreaterThan(1_000);
    const monthly = new Map(
      (
        t.core.db
          .prepare(
            "SELECT strftime('%Y-%m', occurred_at / 1000 + 19800, 'unixepoch') AS m, sum(net) AS net FROM sales GROUP BY m",
          )
          .all() as { m: string; net: number }[]
      ).map((r) => [r.m, r.net]),
    );
    const july = monthly.get('2024-07')!;
    expect(
      Math.max(monthly.get('2024-11')!, monthly.get('2024-12')!, monthly.get('2025-01')!),
    ).toBeGreaterThan(2 * july);
    // Every sale went through checkout: one outbox event each, and gapless seqs.
    const count = (sql: string) => (t!.core.db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM outbox WHERE type = 'sale'")).toBe(result.sales);
    expect(count('SELECT max(seq) - count(*) AS n FROM outbox')).toBe(0);
    expect(count("SELECT count(*) AS n FROM sales WHERE kind = 'return'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) AS n FROM shifts WHERE closed_at IS NULL')).toBe(0);
    expect(
      count(
        'SELECT count(*) AS n FROM products p WHERE on_hand <> (SELECT coalesce(sum(quantity), 0) FROM stock_moves m WHERE m.product_id = p.id)',
      ),
    ).toBe(0);
    const status = await t.call('setup-status', {});
    expect(status).toMatchObject({
      initialised: true,
      hasDemoData: true,
      settings: { currency: 'INR', timeZone: 'Asia/Kolkata', taxMode: 'inclusive' },
    });
    // The clock is back to the host's after the load, and the demo cashiers can sign in.
    const users = await t.call('users-list', {});
    const ravi = users.find((u) => u.name === DEMO_CASHIERS[0].name)!;
    const session = await t.call('auth-login', { userId: ravi.id, pin: DEMO_CASHIERS[0].pin });
    expect(session.user.role).toBe('cashier');
  }, 60_000);
});
