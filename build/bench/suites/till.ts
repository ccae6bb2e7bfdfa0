// `npm run bench -- till --json`: the till core under load. On a database with 100,000 products
// and 1,000,000 past sales, with a second process reading the same database throughout:
//   sale_commit_p50/p99_ms  checkout of a 5-line sale (sale, lines, payment, stock moves, outbox
//                           row, synchronous=FULL) through dispatch
//   raw_insert_p99_ms       the same rows as bare prepared inserts in one transaction (the floor)
//   search_p95_ms           catalog-search over the 100k catalog
//   core_ready_ms           open + migrate check + first search answered
//   sales_per_s_sustained   whole sales for one till (cart open, 5 scans, checkout), back to back
// Options: --products <n> --sales <n> --measure <n sales>.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE } from '../../../electron/core/db/openDatabase';
import { coreContext, openTillCore, type TillCore } from '../../../electron/core/tillCore';
import { barcodeOf, ensureTillFixture, productName } from '../till/tillFixture';

const arg = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return (
    Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 1000) / 1000
  );
};
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

const must = async <T>(
  p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const startReader = (file: string): Promise<ChildProcessWithoutNullStreams> =>
  new Promise((resolve, reject) => {
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(tsx, [
      fileURLToPath(new URL('../till/tillReader.ts', import.meta.url)),
      file,
    ]);
    child.stdout.once('data', (d: Buffer) =>
      d.toString().includes('READY') ? resolve(child) : reject(new Error(d.toString())),
    );
    child.once('error', reject);
  });

const stopReader = (child: ChildProcessWithoutNullStreams): Promise<number> =>
  new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', () => resolve(Number(/READS (\d+)/.exec(out)?.[1] ?? 0)));
    child.stdin.write('stop\n');
  });

const fillCart = async (core: TillCore, products: number, seed: number): Promise<string> => {
  const cart = await must(core.dispatch('cart-open', {}));
  for (let k = 1; k <= 5; k++) {
    const n = 1 + ((seed * 7919 + k * 104_729) % products);
    await must(core.dispatch('cart-add-item', { cartId: cart.id, code: barcodeOf(n) }));
  }
  return cart.id;
};

export default async function till(args: string[]): Promise<Record<string, unknown>> {
  const products = arg(args, 'products', 100_000);
  const sales = arg(args, 'sales', 1_000_000);
  const measure = arg(args, 'measure', 2_000);
  const fixture = await ensureTillFixture(products, sales, (s) => console.error(s));
  const dir = mkdtempSync(join(tmpdir(), 'bench-till-'));
  copyFileSync(fixture.file, join(dir, DATABASE_FILE));
  const reader = await startReader(join(dir, DATABASE_FILE));
  let core: TillCore | null = null;
  try {
    // core_ready: open (lock, WAL, migration check, sync engine) and answer a first search.
    const t0 = performance.now();
    core = openTillCore({ dataDir: dir, log: (l) => console.error(l), sync: { autoStart: false } });
    const ctx = coreContext(core);
    ctx.session.userId = ctx.repos.users.activeOwners()[0]!.id; // PIN check is the user's, not the core's, time
    await must(core.dispatch('catalog-search', { query: 'silk kur', limit: 20 }));
    const coreReadyMs = round(performance.now() - t0, 1);

    await must(core.dispatch('shift-open', { openingFloat: 200_000 }));
    for (let i = 0; i < 100; i++) {
      const cartId = await fillCart(core, products, i);
      const cart = await must(core.dispatch('cart-get', { cartId }));
      await must(
        core.dispatch('cart-checkout', {
          cartId,
          payments: [{ tender: 'card', amount: cart.totals.total }],
        }),
      );
    }

    console.error(`measuring ${measure} checkouts`);
    const commit: number[] = [];
    for (let i = 0; i < measure; i++) {
      const cartId = await fillCart(core, products, 1_000 + i);
      const cart = await must(core.dispatch('cart-get', { cartId }));
      const payments = [{ tender: 'cash' as const, amount: cart.totals.total + 1_000 }];
      const s = performance.now();
      await must(core.dispatch('cart-checkout', { cartId, payments }));
      commit.push(performance.now() - s);
    }

    console.error('measuring raw inserts');
    const raw = rawInsertTimings(core, measure);

    console.error('measuring search');
    const search: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const name = productName(1 + ((i * 7919) % products)).split(' ');
      const query =
        i % 5 === 4
          ? barcodeOf(1 + i * 37)
          : `${name[i % 3]!.slice(0, 2 + (i % 4))} ${name[2]!.slice(0, 3)}`;
      const s = performance.now();
      await must(core.dispatch('catalog-search', { query, limit: 20 }));
      search.push(performance.now() - s);
    }

    console.error('measuring sustained sales');
    let done = 0;
    const until = performance.now() + 5_000;
    const started = performance.now();
    while (performance.now() < until) {
      const cartId = await fillCart(core, products, 50_000 + done);
      const cart = await must(core.dispatch('cart-get', { cartId }));
      await must(
        core.dispatch('cart-checkout', {
          cartId,
          payments: [{ tender: 'card', amount: cart.totals.total }],
        }),
      );
      done++;
    }
    const sustained = done / ((performance.now() - started) / 1_000);
    const reads = await stopReader(reader);
    const saleP99 = pct(commit, 99);
    const rawP99 = pct(raw, 99);
    return {
      products,
      past_sales: sales,
      fixture_build_ms: fixture.buildMs,
      core_ready_ms: coreReadyMs,
      sale_commit_p50_ms: pct(commit, 50),
      sale_commit_p99_ms: saleP99,
      raw_insert_p50_ms: pct(raw, 50),
      raw_insert_p99_ms: rawP99,
      commit_to_raw_p99_ratio: round(saleP99 / rawP99, 2),
      checkouts_per_s: round(1_000 / (commit.reduce((a, b) => a + b, 0) / commit.length), 0),
      search_p50_ms: pct(search, 50),
      search_p95_ms: pct(search, 95),
      sales_per_s_sustained: round(sustained, 0),
      reader_queries: reads,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    if (!reader.killed && reader.exitCode === null) reader.kill();
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor: a checkout's rows (sale, 5 lines, payment, 5 moves + on-hand, cart, outbox) as bare inserts. */
const rawInsertTimings = (core: TillCore, count: number): number[] => {
  const db = core.db;
  type Row = {
    id: string;
    sku: string;
    name: string;
    category: string;
    sub_category: string;
    unit_price: number;
    tax_rate_bp: number;
  };
  const byBarcode = db.prepare<[string], Row>(
    'SELECT p.id, p.sku, p.name, p.category, p.sub_category, p.unit_price, p.tax_rate_bp FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?',
  );
  const products = (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n;
  // The same spread of products as the measured sales, so both touch as many index pages.
  const pick = (seed: number): Row[] =>
    [1, 2, 3, 4, 5].map((k) =>
      byBarcode.get(barcodeOf(1 + ((seed * 7919 + k * 104_729) % products)))!,
    );
  const body = (
    db.prepare("SELECT body FROM outbox WHERE type = 'sale' ORDER BY seq DESC LIMIT 1").get() as {
      body: string;
    }
  ).body;
  const sale =
    db.prepare(`INSERT INTO sales (event_id, kind, receipt_no, occurred_at, cashier_id, cashier_name, shift_id, currency, tax_mode,
    gross, discount, tax, net, total, units) VALUES (?, 'sale', ?, ?, 'raw', 'Raw', NULL, 'INR', 'inclusive', 1, 0, 0, 1, 1, 5)`);
  const line =
    db.prepare(`INSERT INTO sale_lines (event_id, line_no, product_id, sku, name, category, sub_category, unit_price, quantity,
    tax_rate_bp, gross, discount, tax, net, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, 0, ?, ?)`);
  const pay = db.prepare(
    "INSERT INTO payments (event_id, idx, tender, amount) VALUES (?, 1, 'cash', 1)",
  );
  const move = db.prepare(
    "INSERT INTO stock_moves (product_id, quantity, reason, ref_event_id, note, user_id, occurred_at) VALUES (?, -1, 'sale', ?, '', 'raw', ?)",
  );
  const onHand = db.prepare('UPDATE products SET on_hand = on_hand - 1 WHERE id = ?');
  const cart = db.prepare(
    "INSERT INTO carts (id, status, user_id, opened_at, updated_at) SELECT ?, 'completed', id, 0, 0 FROM users LIMIT 1",
  );
  // The gapless counters are part of a checkout's writes too.
  const bump = db.prepare<[string], { value: number }>(
    'UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value',
  );
  const outbox = db.prepare(
    'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
  );
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = `raw-${i}`;
    const at = Date.now();
    const ids = pick(90_000 + i);
    const s = performance.now();
    db.transaction(() => {
      sale.run(id, `RAW-${bump.get('receipt_seq')!.value}`, at);
      ids.forEach((p, k) =>
        line.run(
          id,
          k + 1,
          p.id,
          p.sku,
          p.name,
          p.category,
          p.sub_category,
          p.unit_price,
          p.tax_rate_bp,
          p.unit_price,
          p.unit_price,
          p.unit_price,
        ),
      );
      pay.run(id);
      for (const p of ids) {
        move.run(p.id, id, at);
        onHand.run(p.id);
      }
      cart.run(id);
      outbox.run(bump.get('outbox_seq')!.value, id, 'sale', at, body);
    }).immediate();
    times.push(performance.now() - s);
  }
  return times;
};
