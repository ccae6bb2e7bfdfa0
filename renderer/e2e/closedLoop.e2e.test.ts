// Issue 4's closed loop, end to end on the real Kafka, PostgreSQL and Chromium: HQ enrolls two
// stores (one with two tills); the tills ring up sales on past months of two years while the sync
// service is down; it comes up; every till drains (one is SIGKILLed mid-push and restarted: no
// loss, no duplicate); the HQ view in Chromium shows monthly and yearly net sales equal to the
// test's own sums to the minor unit, each owner's dashboard shows its store's figures from HQ, the
// one-till store's local figures equal HQ's, and a refused event is on its owner's attention list.
// Screenshots go to build/output/screenshots/closed-loop-*.png (CI artifacts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../build/test/launchChromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardTrends } from '../../shared/api';
import { formatMoney } from '../../shared/money';
import { DATABASE_FILE } from '../../electron/core/db/openDatabase';
import {
  adminCall,
  freePort,
  startSyncService,
  type RunningSyncService,
  type SyncServiceEnv,
} from '../../electron/test/sync/syncServiceProcess';
import { createHqAdmin, HQ_ADMIN } from '../../build/test/hqAccount';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '../../build/test/serviceEnv';
import { openClockedTill, type ClockedTill } from './clockedTill';
import { openTillPage } from '../../build/test/tillLaunch';
import {
  PRODUCTS,
  TIME_ZONE,
  expectedNet,
  lineNet,
  mergeNet,
  planSales,
  storeDay,
  type PlannedSale,
} from './closedLoopPlan';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(repoRoot, 'build/output/screenshots');
const PIN = '123456';
const LOCALE = 'en-IN';
const money = (minor: number) => formatMoney(minor, 'INR', LOCALE);
const monthLabel = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const labelOf = (yyyyMm: string) =>
  monthLabel.format(Date.UTC(Number(yyyyMm.slice(0, 4)), Number(yyyyMm.slice(5, 7)) - 1, 1));

const NOW = Date.now();
const TODAY = storeDay(NOW);
const YEAR = Number(TODAY.slice(0, 4));

interface StoreSetup {
  name: string;
  owner: string;
  region: string;
  city: string;
  storeId: string;
  tills: { till: ClockedTill; sales: PlannedSale[]; tillId: string }[];
}

let database: TestDatabase;
let pool: pg.Pool;
let env: SyncServiceEnv;
let service: RunningSyncService | null = null;
let browser: Browser;
const stores: StoreSetup[] = [];
const pageErrors: string[] = [];
let returnAdjust: { at: number; net: number }[] = [];
let badEventId = '';

const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 90_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const readDb = <T>(dir: string, sql: string): T[] => {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};
const pendingIn = (dir: string) =>
  readDb<{ n: number }>(dir, "SELECT count(*) AS n FROM outbox WHERE status = 'pending'")[0]!.n;
const sentIds = (dir: string) =>
  readDb<{ id: string }>(dir, "SELECT event_id AS id FROM outbox WHERE status = 'sent'")
    .map((r) => r.id)
    .sort();
const warehouseIds = async (tillId: string) =>
  (
    await pool.query<{ id: string }>('SELECT event_id::text AS id FROM events WHERE till_id = $1', [
      tillId,
    ])
  ).rows
    .map((r) => r.id)
    .sort();

const storeNet = (s: StoreSetup) => {
  const per = s.tills.map((t) =>
    expectedNet(t.sales, NOW, s.name === 'Pune Camp' ? returnAdjust : []),
  );
  return {
    months: mergeNet(...per.map((p) => p.months)),
    years: mergeNet(...per.map((p) => p.years)),
  };
};

const ring = async (till: ClockedTill, sales: readonly PlannedSale[]) => {
  const receipts = [];
  for (const s of sales) {
    till.setClock(s.at);
    const cart = await till.call('cart-open', {});
    const priced = await till.call('cart-add-item', {
      cartId: cart.id,
      code: s.product.sku,
      quantity: s.quantity,
    });
    receipts.push(
      await till.call('cart-checkout', {
        cartId: cart.id,
        payments: [{ tender: 'cash', amount: priced.totals.total }],
      }),
    );
  }
  till.setClock(null);
  return receipts;
};

/** Every row of a dashboard card's table view, as cell texts. */
const tableRows = (page: Page, testId: string) =>
  page
    .locator(`[data-testid="${testId}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')),
    );

/** [label, net sales] per row, with every month of the range the card lists. */
const expectedMonthRows = (shown: string[][], months: ReadonlyMap<string, number>) => {
  const byLabel = new Map([...months].map(([m, v]) => [labelOf(m), money(v)]));
  return shown.map(([label = '']) => [label, byLabel.get(label) ?? money(0)]);
};

const openDashboard = async (till: ClockedTill, owner: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
  page.on('pageerror', (e) => pageErrors.push(`${till.name}: ${e.message}`));
  page.setDefaultTimeout(20_000);
  await openTillPage(page, till.session);
  await page.getByTestId(`login-user-${owner}`).click();
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  await page.getByTestId('dashboard-today').waitFor();
  return page;
};

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `closed-loop-${name}.png`) });

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'renderer/dist/index.html')))
    throw new Error('renderer/dist is missing: run `npm run build:renderer` first');
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('bash', [path.join(repoRoot, 'build/scripts/services-up.sh')], { stdio: 'inherit' });
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined); // the database is dropped under idle clients at the end
  env = {
    databaseUrl: database.url,
    eventsTopic: uniqueTopic('closed-loop.events'),
    dlqTopic: uniqueTopic('closed-loop.dlq'),
    consumerGroup: uniqueTopic('closed-loop.group'),
    port: await freePort(),
  };
  service = await startSyncService(env);
  // The HQ tab's chain figures need an HQ account: the first admin, made from the command line.
  await createHqAdmin(database.url);

  // HQ enrolls the stores and tills; each till is set up by its owner and enrolled with its code.
  const layout = [
    { name: 'Indiranagar', owner: 'Asha', region: 'South', city: 'Bengaluru', perDay: [6, 100] },
    { name: 'Pune Camp', owner: 'Bala', region: 'West', city: 'Pune', perDay: [8] },
  ];
  for (const [si, l] of layout.entries()) {
    const { storeId } = await adminCall<{ storeId: string }>(service.url, '/v1/admin/stores', {
      name: l.name,
      currency: 'INR',
      timeZone: TIME_ZONE,
      region: l.region,
      city: l.city,
    });
    const store: StoreSetup = { ...l, storeId, tills: [] };
    for (const [ti, perDay] of l.perDay.entries()) {
      const hq = await adminCall<{ tillId: string; enrollmentCode: string }>(
        service.url,
        `/v1/admin/stores/${storeId}/tills`,
        { name: `${l.name} till ${ti + 1}` },
      );
      const till = await openClockedTill(`${l.name} till ${ti + 1}`);
      await till.call('setup-init', {
        storeName: l.name,
        currency: 'INR',
        locale: LOCALE,
        timeZone: TIME_ZONE,
        taxMode: 'inclusive',
        ownerName: l.owner,
        ownerPin: PIN,
        demo: false,
      });
      for (const p of PRODUCTS)
        await till.call('catalog-upsert', {
          product: {
            ...p,
            barcodes: [],
            subCategory: '',
            reorderLevel: 5,
            leadTimeDays: 3,
            active: true,
          },
        });
      await till.call('shift-open', { openingFloat: 1_000_00 });
      const enrolled = await till.call('sync-enroll', {
        url: service.url,
        code: hq.enrollmentCode,
      });
      expect(enrolled.tillId).toBe(hq.tillId);
      await until(`${till.name} to send its setup`, async () => pendingIn(till.dir) === 0);
      store.tills.push({ till, tillId: hq.tillId, sales: planSales(NOW, perDay, si * 3 + ti) });
    }
    stores.push(store);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of stores) for (const t of s.tills) await t.till.close();
  await service?.stop();
  await pool?.end();
  await database?.drop();
  for (const s of stores)
    for (const t of s.tills) rmSync(t.till.dir, { recursive: true, force: true });
});

describe('closed loop: two stores, three tills, HQ', () => {
  it('rings up sales on every till while the sync service is down', async () => {
    await service?.stop();
    service = null;
    for (const s of stores) for (const t of s.tills) await ring(t.till, t.sales);

    // Pune Camp takes one of today's sales back, and holds one corrupted fact HQ must refuse.
    const b = stores[1]!.tills[0]!;
    const receipts = await ring(b.till, [{ at: null, product: PRODUCTS[1]!, quantity: 2 }]);
    b.sales.push({ at: null, product: PRODUCTS[1]!, quantity: 2 });
    const sold = receipts[0]!;
    await b.till.call('return-create', {
      originalEventId: sold.eventId,
      lines: [{ originalLineNo: 1, quantity: 2 }],
      refunds: [{ tender: 'cash', amount: sold.lines[0]!.total }],
      restock: true,
      reason: 'wrong size',
    });
    returnAdjust = [{ at: Date.now(), net: -lineNet({ product: PRODUCTS[1]!, quantity: 2 }) }];
    badEventId = injectRefusedEvent(b.till, stores[1]!.storeId, b.tillId);
    for (const s of stores)
      for (const t of s.tills)
        expect((await t.till.call('sync-status', {})).pending).toBe(pendingIn(t.till.dir));
    expect(pendingIn(stores[0]!.tills[1]!.till.dir)).toBe(500);
    // The second Indiranagar till goes down with its queue; it is restarted as a process below.
    await stores[0]!.tills[1]!.till.close();
  });

  it('drains every till once HQ is back, one of them SIGKILLed mid-push and restarted', async () => {
    service = await startSyncService(env);
    const killed = stores[0]!.tills[1]!;
    const total = pendingIn(killed.till.dir);
    // Killed the moment it reports its first acknowledged batch, with more batches still to go.
    let worker = startRelayWorker(killed.till.dir, total);
    await exited(worker);
    expect(worker.signalCode).toBe('SIGKILL');
    expect(pendingIn(killed.till.dir)).toBeGreaterThan(0);
    worker = startRelayWorker(killed.till.dir, 0);
    for (const s of stores)
      for (const t of s.tills)
        await until(`${t.till.name} to drain`, () => pendingIn(t.till.dir) === 0);
    worker.kill('SIGTERM');
    await exited(worker);

    // Exactly what each till holds as acknowledged is in the warehouse, once; the refused is not.
    for (const s of stores)
      for (const t of s.tills) {
        const acknowledged = sentIds(t.till.dir);
        await until(
          `the warehouse to hold ${t.till.name}'s events`,
          async () => (await warehouseIds(t.tillId)).length >= acknowledged.length,
        );
        expect(await warehouseIds(t.tillId)).toEqual(acknowledged);
      }
    const refused = await pool.query('SELECT 1 FROM events WHERE event_id::text = $1', [
      badEventId,
    ]);
    expect(refused.rowCount).toBe(0);
  });

  it('shows HQ monthly and yearly figures in Chromium equal to the sum of what the tills sold', async () => {
    const a1 = stores[0]!.tills[0]!.till;
    await a1.call('auth-logout', {});
    const page = await openDashboard(a1, stores[0]!.owner);
    await page.getByTestId('dash-tab-hq').click();
    await page.getByTestId('hq-url').fill(`http://127.0.0.1:${env.port}`);
    await page.getByTestId('hq-email').fill(HQ_ADMIN.email);
    await page.getByTestId('hq-password').fill(HQ_ADMIN.password);
    await page.getByTestId('hq-connect-submit').click();
    await page.getByTestId('chart-hq-stores-table-view').click();

    const perStore = stores.map(storeNet);
    const storeRows = (year: string) =>
      stores.map((s, i) => [s.name, money(perStore[i]!.years.get(year) ?? 0)]);
    const shownStores = async () =>
      (await tableRows(page, 'chart-hq-stores')).map((r) => [r[0], r[3]]).sort();
    for (const [from, to, year] of [
      [`${YEAR - 1}-01-01`, `${YEAR - 1}-12-31`, String(YEAR - 1)],
      [`${YEAR}-01-01`, TODAY, String(YEAR)],
    ] as const) {
      await page.getByTestId('filter-to').fill(to);
      await page.getByTestId('filter-from').fill(from);
      await expect.poll(shownStores, { timeout: 20_000 }).toEqual(storeRows(year).sort());
      await shoot(page, `hq-stores-${year}`);
    }
    // Tills' last sync: every till of the chain under its store, heard from moments ago.
    const tillNames = (s: StoreSetup) => s.tills.map((t) => [s.name, t.till.name]);
    const syncRows = async (testId: string) =>
      (await tableRows(page, testId)).map((r) => [r[0], r[1], r[6]]).sort();
    await expect
      .poll(() => syncRows('chart-hq-till-sync'))
      .toEqual(stores.flatMap((s) => tillNames(s).map((n) => [...n, 'OK'])).sort());
    for (const r of await tableRows(page, 'chart-hq-till-sync')) {
      expect(r[2]).toMatch(/now|min|sec/); // relative age, e.g. "4 min ago"
      expect(r[3]).toMatch(new RegExp(String(YEAR))); // absolute time on the store's clock
    }
    await shoot(page, 'hq-till-sync');
    await page.getByTestId('filter-from').fill(`${YEAR - 1}-01-01`);
    for (const [i, s] of stores.entries()) {
      await page.getByTestId('hq-crumb-chain').click();
      await page.getByTestId('chart-hq-stores-table-view').click();
      await page.locator('[data-testid="chart-hq-stores"] tbody tr', { hasText: s.name }).click();
      await page.getByTestId('chart-hq-store-months-table-view').click();
      const card = page.getByTestId('chart-hq-store-months');
      await expect
        .poll(async () => {
          const shown = (await tableRows(page, 'chart-hq-store-months')).map((r) => [r[0], r[1]]);
          return {
            title: (await card.locator('h2').textContent())?.startsWith(s.name),
            wrong: shown.filter(
              (r, k) =>
                JSON.stringify(r) !==
                JSON.stringify(
                  expectedMonthRows(
                    shown.map((x) => [x[0] ?? '']),
                    perStore[i]!.months,
                  )[k],
                ),
            ),
            rows: shown.length > 0,
          };
        })
        .toEqual({ title: true, wrong: [], rows: true });
      // Every month the tills sold in is listed.
      const labels = (await tableRows(page, 'chart-hq-store-months')).map((r) => r[0]);
      for (const m of perStore[i]!.months.keys()) expect(labels).toContain(labelOf(m));
      expect((await syncRows('chart-hq-store-till-sync')).map((r) => [r[0], r[1]])).toEqual(
        tillNames(s).sort(),
      );
      await shoot(page, `hq-store-${i + 1}-months`);
    }
    await page.close();
  });

  it("shows each owner their store's figures from HQ; the one-till store's local figures equal HQ's", async () => {
    for (const [i, s] of stores.entries()) {
      const till = s.tills[0]!.till;
      const expected = storeNet(s);
      // The till pulls HQ's figures after its pushes and on HQ's change stream; wait for them.
      await until(`${till.name} to cache HQ's figures`, async () => {
        const t = await till.call('dashboard-trends', { from: `${YEAR - 1}-01-01`, to: TODAY });
        const net = t.months.reduce((a, m) => a + m.totals.netSales, 0);
        if (t.source !== 'hq' || net !== [...expected.months.values()].reduce((a, v) => a + v, 0)) {
          await till.call('sync-now', {});
          await new Promise((r) => setTimeout(r, 500));
          return false;
        }
        return true;
      });
      if (i === 1) {
        const range = { from: `${YEAR - 1}-01-01`, to: TODAY };
        const hq = await till.call('dashboard-trends', { ...range, source: 'hq' });
        const local = await till.call('dashboard-trends', { ...range, source: 'local' });
        expect([hq.source, local.source]).toEqual(['hq', 'local']);
        const figures = (t: DashboardTrends) => ({
          months: t.months.map((m) => [m.month, m.totals]),
          years: t.years.map((y) => [y.year, y.totals]),
        });
        expect(figures(hq)).toEqual(figures(local));
      }
      await till.call('auth-logout', {});
      const page = await openDashboard(till, s.owner);
      await page.getByTestId('dash-tab-trends').click();
      await page.getByTestId('source-hq').first().waitFor();
      await page.getByTestId('chart-months-table-view').click();
      await page.getByTestId('chart-years-table-view').click();
      const months = (await tableRows(page, 'chart-months')).map((r) => [r[0], r[1]]);
      expect(months).toEqual(
        expectedMonthRows(
          months.map((r) => [r[0] ?? '']),
          expected.months,
        ),
      );
      const years = (await tableRows(page, 'chart-years')).map((r) => [
        (r[0] ?? '').slice(0, 4),
        r[1],
      ]);
      expect(years).toEqual(
        [String(YEAR - 1), String(YEAR)].map((y) => [y, money(expected.years.get(y) ?? 0)]),
      );
      await shoot(page, `owner-${i + 1}-trends`);

      if (i === 1) {
        // The refused event waits on the owner's attention list.
        const item = page.getByTestId('attention-item');
        await item.first().waitFor();
        expect(await item.count()).toBe(1);
        expect(await item.getAttribute('data-event-id')).toBe(badEventId);
        expect(await item.textContent()).toContain('INVALID_EVENT');
        await shoot(page, 'owner-attention');
      }
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

/** A sale event with no lines, queued as the till would queue one: HQ must refuse it. */
function injectRefusedEvent(till: ClockedTill, storeId: string, tillId: string): string {
  const db = till.core.db;
  const eventId = '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001';
  db.transaction(() => {
    const { value: seq } = db
      .prepare("UPDATE counters SET value = value + 1 WHERE name = 'outbox_seq' RETURNING value")
      .get() as { value: number };
    const body = JSON.stringify({
      eventId,
      type: 'sale',
      schemaVersion: 1,
      storeId,
      tillId,
      seq,
      occurredAt: Date.now(),
      payload: { lines: [] },
    });
    db.prepare(
      'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
    ).run(seq, eventId, 'sale', Date.now(), body);
  })();
  return eventId;
}

/** The till as its own process (its relay drains the outbox); SIGKILLed once `pending` drops below killBelow. */
function startRelayWorker(dir: string, killBelow: number): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/test/sync/tillRelayWorker.ts', dir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const { pending } = JSON.parse(line) as { pending?: number };
      if (pending !== undefined && pending < killBelow) child.kill('SIGKILL');
    }
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
  );
}
