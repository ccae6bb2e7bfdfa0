// The hot lookups must hit their indexes, whatever the table sizes grow to. The statements checked
// are the ones the till really runs, not copies of them: while a scripted day goes through the
// real dispatch (catalog, stock, a shift of sales, a park, a return, the Z report, the dashboard)
// and the relay's outbox queue, every statement executed on the till's database is recorded with
// the values it first ran with (better-sqlite3's Statement methods are wrapped for this test).
// Each is then EXPLAINed: none may SCAN a table that grows with trade unless it is allow-listed
// below with its reason, and the lookups named in the tests must use the indexes they name.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxQueue } from './outbox/outboxQueue';
import { OWNER_PIN, openTestCore, type TestCore } from '../test/testSupport';

interface Recorded {
  db: Database.Database;
  sql: string;
  args: unknown[];
}

type StatementMethod = (this: Database.Statement, ...args: unknown[]) => unknown;
const EXECUTING = ['run', 'get', 'all', 'iterate'] as const;

/** Records every distinct statement text run on any connection until `stop` is called. */
const recordStatements = (): { statements: Map<string, Recorded>; stop(): void } => {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<
    (typeof EXECUTING)[number],
    StatementMethod
  >;
  probe.close();
  const statements = new Map<string, Recorded>();
  const originals = EXECUTING.map((name) => [name, proto[name]] as const);
  for (const [name, original] of originals) {
    proto[name] = function (this: Database.Statement, ...args: unknown[]) {
      if (!statements.has(this.source))
        statements.set(this.source, { db: this.database, sql: this.source, args });
      return original.apply(this, args);
    };
  }
  return {
    statements,
    stop: () => {
      for (const [name, original] of originals) proto[name] = original;
    },
  };
};

/** Statements a plan means something for (not PRAGMA, DDL or transaction control). */
const QUERY = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE)\b/i;

/** The tables that grow with every sale, return, move and event. */
const GROWING = new Set([
  'sales',
  'sale_lines',
  'payments',
  'stock_moves',
  'outbox',
  'cart_lines',
  'carts',
  'cart_voids',
  'cash_moves',
  'shifts',
  'shift_cashiers',
  'refund_approvals',
  'products',
  'barcodes',
  'analytics_day_totals',
  'analytics_day_products',
  'analytics_day_categories',
  'analytics_month_products',
  'analytics_pending',
]);

/**
 * Whole-table scans that are right, each with why. A statement matching `sql` may SCAN `table`.
 * Every entry must still match a statement of the day, so a stale one is noticed.
 */
const ALLOWED_SCANS: { table: string; sql: RegExp; why: string }[] = [
  {
    table: 'products',
    sql: /^SELECT DISTINCT category FROM products /,
    why: 'the category list: one covering-index pass over the catalog (a row per product, not per sale)',
  },
  {
    table: 'products',
    sql: /^SELECT \* FROM products ORDER BY name, num LIMIT \? OFFSET \?$/,
    why: 'a Products page: walks the name index and stops after OFFSET + LIMIT rows',
  },
  {
    table: 'products',
    sql: /^SELECT count\(\*\) AS n FROM products$/,
    why: "the Products list's total: the catalog's size, counted on its smallest index",
  },
  {
    table: 'products',
    sql: /FROM products WHERE active = 1 ORDER BY name, num$/,
    why: 'the Stock screen lists the active catalog by name (its size is the catalog, not the trade)',
  },
  {
    table: 'shifts',
    sql: /FROM shifts s LEFT JOIN users u ON u\.id = s\.cashier_id WHERE s\.closed_at IS NULL$/,
    why: 'shifts_one_open is a partial index of open shifts: it holds at most one row',
  },
  {
    table: 'shifts',
    sql: /WHERE s\.closed_at IS NOT NULL AND s\.z_report IS NOT NULL ORDER BY s\.closed_at DESC/,
    why: 'closed shifts: one or two a day, a few thousand rows after years of trade',
  },
  {
    table: 'sales',
    sql: /FROM sales WHERE receipt_no = \? COLLATE NOCASE LIMIT 1$/,
    why: 'a receipt number typed in another case: tried only after the exact lookup missed (salesRepo)',
  },
  {
    table: 'analytics_pending',
    sql: /FROM \(SELECT id FROM analytics_pending ORDER BY id LIMIT \d+\)$/,
    why: 'the rollup queue, read from its head in rowid order and bounded by the LIMIT',
  },
];

/** SQL keywords that can follow FROM/JOIN <table> and are not an alias. */
const NOT_ALIAS = new Set(
  'where on join left inner cross outer natural using group order limit union as set values indexed not'.split(
    ' ',
  ),
);

/** alias -> table for every `FROM t [AS] a` / `JOIN t [AS] a` of a statement. */
const aliasesOf = (sql: string): Map<string, string> => {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = (m[1] ?? '').toLowerCase();
    aliases.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !NOT_ALIAS.has(alias)) aliases.set(alias, table);
  }
  return aliases;
};

interface Planned extends Recorded {
  plan: string[];
}

/** One line, single spaces: how the allow-list and the lookups below name a statement. */
const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

const explain = (r: Recorded): Planned => {
  const rows = r.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[];
  return { ...r, sql: oneLine(r.sql), plan: rows.map((row) => row.detail) };
};

/** Each statement's whole-table reads of growing tables that the allow-list does not excuse. */
const unexcusedScans = (plans: readonly Planned[]): string[] =>
  plans.flatMap((p) =>
    scannedTables(p)
      .filter((table) => GROWING.has(table))
      .filter((table) => !ALLOWED_SCANS.some((a) => a.table === table && a.sql.test(p.sql)))
      .map((table) => `${table}: ${p.sql}\n    ${p.plan.join(' | ')}`),
  );

/** The tables (not subqueries, CTEs or constant rows) a plan reads whole. */
const scannedTables = (p: Planned): string[] => {
  const aliases = aliasesOf(p.sql);
  return p.plan
    .map((d) => /^SCAN (\w+)/.exec(d)?.[1]?.toLowerCase())
    .filter((name): name is string => name !== undefined && name !== 'constant')
    .map((name) => aliases.get(name) ?? name)
    .filter((table) => !/^product_fts/.test(table));
};

/** A scripted day at the counter, through the real dispatch. */
const runDay = async (t: TestCore): Promise<void> => {
  const a = await t.product('A1', 499_00, 500, { name: 'Cotton Kurta Blue' });
  const b = await t.product('B2', 1_299_00, 1_200, { name: 'Punjabi Jutti', category: 'Footwear' });
  await t.product('C3', 99_00, 0, { name: 'Cotton Socks' });
  await t.call('catalog-search', { query: 'kur' });
  await t.call('catalog-search', { query: '890B2' });
  await t.call('catalog-list', { query: 'cotton' });
  await t.call('catalog-list', { category: 'Footwear' });
  await t.call('catalog-categories', {});
  await t.call('stock-receive', {
    items: [
      { productId: a.id, quantity: 20 },
      { productId: b.id, quantity: 5 },
    ],
  });
  await t.call('stock-adjust', { productId: a.id, delta: -1, reason: 'damaged' });

  const shift = await t.call('shift-open', { openingFloat: 1_000_00 });
  const first = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: first.id, code: '890A1' });
  await t.call('cart-add-item', { cartId: first.id, code: 'B2', quantity: 2 });
  await t.call('cart-set-quantity', { cartId: first.id, lineNo: 1, quantity: 3 });
  await t.call('cart-set-line-discount', {
    cartId: first.id,
    lineNo: 1,
    discount: { kind: 'percent', bp: 1_000 },
  });
  await t.call('cart-set-cart-discount', {
    cartId: first.id,
    discount: { kind: 'percent', bp: 500 },
    ownerPin: OWNER_PIN,
  });
  await t.call('cart-park', { cartId: first.id, note: 'fetching wallet' });
  const second = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: second.id, code: 'C3' });
  const small = await t.call('cart-get', { cartId: second.id });
  const sold = await t.call('cart-checkout', {
    cartId: second.id,
    payments: [{ tender: 'cash', amount: small.totals.total }],
  });
  await t.call('cart-list-parked', {});
  await t.call('cart-resume', { cartId: first.id });
  const resumed = await t.call('cart-get', { cartId: first.id });
  const card = Math.trunc(resumed.totals.total / 2);
  const big = await t.call('cart-checkout', {
    cartId: first.id,
    payments: [
      { tender: 'card', amount: card },
      { tender: 'cash', amount: resumed.totals.total - card },
    ],
  });
  const voided = await t.call('cart-open', {});
  await t.call('cart-add-item', { cartId: voided.id, code: 'A1' });
  await t.call('cart-void', { cartId: voided.id, reason: 'customer left', ownerPin: OWNER_PIN });

  await t.call('sale-search', { query: '' });
  await t.call('sale-search', { query: 'jutti' });
  await t.call('sale-search', { query: big.receiptNo });
  await t.call('sale-receipt', { receiptNo: sold.receiptNo });
  const receipt = await t.call('sale-receipt', { eventId: big.eventId });
  const line = receipt.lines[1];
  if (!line) throw new Error('the scripted sale lost its second line');
  await t.call('return-create', {
    originalEventId: big.eventId,
    lines: [{ originalLineNo: line.lineNo, quantity: 1 }],
    refunds: [{ tender: 'cash', amount: Math.trunc(line.total / line.quantity) }],
    restock: true,
    ownerPin: OWNER_PIN,
  });
  await t.call('stock-list', {});
  await t.call('stock-list', { onlyRefill: true });
  await t.call('stock-moves', { productId: a.id });
  await t.call('shift-cash-move', { amount: -100_00, reason: 'bank run' });
  await t.call('shift-z-report', { shiftId: shift.id });
  await t.call('dashboard-today', {});
  const today = new Date().toISOString().slice(0, 10);
  await t.call('dashboard-trends', { from: `${today.slice(0, 4)}-01-01`, to: today });
  await t.call('dashboard-trends', { from: today, to: today, category: 'Kurtas', rankBy: 'units' });
  await t.call('outbox-status', {});
  await t.call('sync-status', {});
  await t.call('users-list', {});
  await t.call('shift-close', { countedCash: 1_000_00 });
  await t.call('shift-closed-list', {});

  // The relay's queue (it runs on its own connection in a worker; same statements, same file).
  const queue = createOutboxQueue(t.core.db);
  const pending = queue.readPending(100);
  queue.applyAnswers(
    pending.slice(0, 2).map((row) => ({ seq: row.seq, status: 'accepted' as const })),
    Date.now(),
  );
  queue.reject(pending[2]?.seq ?? 0, 'TEST', 'scripted rejection', Date.now());
  queue.countAttempt(pending.slice(3, 4).map((row) => row.seq));
  queue.pendingCount();
  queue.pendingAfter(pending[0]?.seq ?? 0);
};

let t: TestCore;
let recorded: Recorded[] = [];
let planned: Planned[] = [];
beforeAll(async () => {
  const recorder = recordStatements();
  t = await openTestCore();
  try {
    await runDay(t);
  } finally {
    recorder.stop();
  }
  recorded = [...recorder.statements.values()].filter((r) => QUERY.test(r.sql));
  planned = recorded.map(explain);
});
afterAll(() => t.close());

/** The plan of the one recorded statement matching `sql` (failing when none or several do). */
const planOf = (sql: RegExp): string => {
  const matches = planned.filter((p) => sql.test(p.sql));
  expect(
    matches.map((p) => p.sql),
    `statements matching ${String(sql)}`,
  ).toHaveLength(1);
  return matches[0]?.plan.join(' | ') ?? '';
};

describe('query plans of the statements the till runs', () => {
  it('records the day’s statements', () => {
    // Far fewer would mean the recording missed the core (e.g. a second better-sqlite3 copy).
    expect(planned.length).toBeGreaterThan(60);
  });

  it('reads no growing table whole, outside the allow-list', () => {
    expect(unexcusedScans(planned)).toEqual([]);
    for (const allowed of ALLOWED_SCANS)
      expect(
        planned.some((p) => allowed.sql.test(p.sql)),
        `allow-listed scan still run: ${allowed.why}`,
      ).toBe(true);
  });

  it('notices when an index the day relies on is gone', () => {
    // The check must be able to fail: without each of these indexes some statement of the day
    // reads a growing table whole (or, naming the index, no longer prepares).
    const db = t.core.db;
    // The outbox's two status indexes stand in for each other: only without both is it read whole.
    for (const index of [
      'sales_by_time',
      'sales_by_original',
      'outbox_by_status_seq, outbox_by_status_type',
      'stock_moves_by_product',
      'stock_moves_by_time',
    ]) {
      db.exec('BEGIN');
      try {
        for (const name of index.split(', ')) db.exec(`DROP INDEX ${name}`);
        let caught: string[];
        try {
          caught = unexcusedScans(recorded.map(explain));
        } catch (error) {
          caught = [String(error)];
        }
        expect(caught.length, `without ${index}`).toBeGreaterThan(0);
      } finally {
        db.exec('ROLLBACK');
      }
    }
    expect(unexcusedScans(recorded.map(explain))).toEqual([]);
  });

  it('looks up barcodes, SKUs and ids by index', () => {
    expect(
      planOf(/FROM barcodes b JOIN products p ON p\.id = b\.product_id WHERE b\.barcode = \?$/),
    ).toMatch(
      /SEARCH b USING PRIMARY KEY \(barcode=\?\).*SEARCH p USING INDEX sqlite_autoindex_products_1 \(id=\?\)/,
    );
    expect(planOf(/FROM products WHERE sku = \?$/)).toMatch(
      /SEARCH products USING INDEX sqlite_autoindex_products_2 \(sku=\?\)/,
    );
  });

  it('searches names through the FTS index', () => {
    expect(
      planOf(
        /JOIN products p ON p\.num = product_fts\.rowid WHERE product_fts MATCH \? ORDER BY rank/,
      ),
    ).toMatch(/SCAN product_fts VIRTUAL TABLE INDEX.*SEARCH p USING INTEGER PRIMARY KEY/);
  });

  it('finds receipts by number and returns by original sale by index', () => {
    expect(planOf(/FROM sales WHERE receipt_no = \?$/)).toMatch(
      /SEARCH sales USING INDEX sqlite_autoindex_sales_2 \(receipt_no=\?\)/,
    );
    expect(planOf(/WHERE s\.original_event_id = \? GROUP BY l\.original_line_no$/)).toMatch(
      /SEARCH s USING (COVERING )?INDEX sales_by_original/,
    );
  });

  it('scans pending outbox rows in seq order by the (status, seq) index', () => {
    const pending = planOf(/FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT/);
    expect(pending).toMatch(/SEARCH outbox USING INDEX outbox_by_status_seq \(status=\?\)/);
    expect(pending).not.toMatch(/TEMP B-TREE/);
  });

  it('counts the status strip’s pending events and sales from an index alone', () => {
    // outbox-status is polled on the main thread: reading 100,000 queued rows for their type
    // stalled it 40-90 ms (bench catchup). A covering index answers without touching a row.
    expect(planOf(/^SELECT count\(\*\) AS n FROM outbox WHERE status = \?$/)).toMatch(
      /SEARCH outbox USING COVERING INDEX/,
    );
    expect(
      planOf(/^SELECT count\(\*\) AS n FROM outbox WHERE status = 'pending' AND type = 'sale'$/),
    ).toMatch(/SEARCH outbox USING COVERING INDEX outbox_by_status_type \(status=\? AND type=\?\)/);
  });

  it('reads a product’s stock moves by index', () => {
    expect(planOf(/FROM stock_moves WHERE product_id = \? AND occurred_at >= \?/)).toMatch(
      /SEARCH stock_moves USING INDEX stock_moves_by_product \(product_id=\? AND occurred_at>\?\)/,
    );
  });
});
