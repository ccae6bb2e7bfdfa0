// A chain run from screens, starting from nothing, all real (sync service, Kafka, PostgreSQL,
// Chromium, browser-mode tills): the first HQ admin is made on the command line; the admin logs
// into the console, creates two stores and three tills; each till joins HQ from its own Connect
// screen with the code the console showed once; the tills ring sales; the console shows each
// store's and the chain's net sales equal to what the tills sold and each till's sync health; an
// analyst sees the figures but no create button, and the API refuses it a store (403); a till HQ
// revoked says so in words and goes on selling offline.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../../build/test/launchChromium';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { CSRF_HEADER } from '../../shared/console/consoleApi';
import { formatMoney } from '../../shared/money';
import type { RunningSyncService } from '../../electron/test/sync/syncServiceProcess';
import type { TestDatabase } from '../../build/test/serviceEnv';
import { consoleLogin, createHqAdmin, HQ_ADMIN } from '../../build/test/hqAccount';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import {
  consoleSignIn,
  startConsoleService,
  until,
  watchPage,
  type ConsoleService,
} from './consoleKit';
import { CATALOG, OWNER_PIN, seedShop } from './e2eShop';
import { must } from './tillApi';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(repoRoot, 'build/output/screenshots');
const LOCALE = 'en-IN';
const money = (minor: number) => formatMoney(minor, 'INR', LOCALE);
const ANALYST = { email: 'analyst@example.com', password: 'analyst password 22' };

interface StorePlan {
  code: string;
  name: string;
  city: string;
  region: string;
  tills: string[];
}
const STORES: StorePlan[] = [
  { code: 'PUN-01', name: 'Pune Camp', city: 'Pune', region: 'West', tills: ['Front', 'Back'] },
  { code: 'BLR-01', name: 'Indiranagar', city: 'Bengaluru', region: 'South', tills: ['Counter'] },
];

interface TillRun {
  store: StorePlan;
  name: string;
  code: string;
  syncUrl: string;
  dataDir: string;
  host: HostProcess;
  page: Page;
  net: number;
  sales: number;
}

describe('HQ from nothing: console, stores, tills joining from their screens, figures, roles', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let service: RunningSyncService;
  let hqEnv: ConsoleService;
  let browser: Browser;
  let hqContext: BrowserContext;
  let hq: Page;
  const tills: TillRun[] = [];
  const pageErrors: string[] = [];

  const warehouseSales = async (storeCode: string): Promise<number> => {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM events e JOIN stores s USING (store_id)
        WHERE s.code = $1 AND e.type = 'sale'`,
      [storeCode],
    );
    return Number(rows[0]?.n ?? 0);
  };
  const storeNet = (s: StorePlan) =>
    tills.filter((t) => t.store === s).reduce((sum, t) => sum + t.net, 0);

  /** Rings `count` cash sales through the till's own API (the UI's route), returns their net. */
  const ring = async (t: TillRun, count: number): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const cart = await must(t.host.origin, t.host.cookie, 'cart-open', {});
      const item = CATALOG[(i + t.name.length) % CATALOG.length]!;
      await must(t.host.origin, t.host.cookie, 'cart-add-item', {
        cartId: cart.id,
        code: item.barcode,
        quantity: 1 + (i % 2),
      });
      const priced = await must(t.host.origin, t.host.cookie, 'cart-get', { cartId: cart.id });
      const receipt = await must(t.host.origin, t.host.cookie, 'cart-checkout', {
        cartId: cart.id,
        payments: [{ tender: 'cash', amount: priced.totals.total }],
      });
      t.net += receipt.totals.net;
      t.sales += 1;
    }
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    hqEnv = await startConsoleService('from-nothing');
    database = hqEnv.database;
    service = hqEnv.service;
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => undefined); // dropped under idle clients at the end
    browser = await launchChromium();
    hqContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: LOCALE,
    });
    hq = await hqContext.newPage();
    watchPage(hq, 'console', pageErrors);
    hq.setDefaultTimeout(20_000);
  }, 240_000);

  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/\W+/g, '-').slice(0, 50);
      await hq?.screenshot({ path: path.join(SHOTS, `failed-from-nothing-${name}.png`) });
    });
  });

  afterAll(async () => {
    await browser?.close();
    for (const t of tills) {
      await t.host.stop();
      await rm(t.dataDir, { recursive: true, force: true });
    }
    await pool?.end();
    await hqEnv?.stop();
  });

  it('creates the first admin from the command line, who logs into the console', async () => {
    await createHqAdmin(database.url);
    await consoleSignIn(hq, service.url, HQ_ADMIN);
    await hq.getByTestId('stores-screen').waitFor();
    const cookie = (await hqContext.cookies()).find((c) => c.name === 'hq_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('creates two stores and three tills, each code shown once with the sync address', async () => {
    for (const s of STORES) {
      await hq.getByTestId('store-create').click();
      await hq.getByTestId('store-form-code').fill(s.code);
      await hq.getByTestId('store-form-name').fill(s.name);
      await hq.getByTestId('store-form-city').fill(s.city);
      await hq.getByTestId('store-form-region').fill(s.region);
      await hq.getByTestId('store-form-country').fill('India');
      await hq.getByTestId('store-form-currency').fill('INR');
      await hq.getByTestId('store-form-timeZone').fill('Asia/Kolkata');
      await hq.getByTestId('store-form-submit').click();
      await hq.getByTestId(`store-open-${s.code}`).waitFor();
    }
    for (const s of STORES) {
      await hq.getByTestId('nav-stores').click();
      await hq.getByTestId(`store-open-${s.code}`).click();
      await hq.getByTestId('tills-screen').waitFor();
      for (const name of s.tills) {
        await hq.getByTestId('till-add').click();
        await hq.getByTestId('add-till-name').fill(name);
        await hq.getByTestId('add-till-submit').click();
        await hq.getByTestId('enrollment-dialog').waitFor();
        const code = ((await hq.getByTestId('enrollment-code').textContent()) ?? '').trim();
        const syncUrl = ((await hq.getByTestId('enrollment-sync-url').textContent()) ?? '').trim();
        expect(code.length).toBeGreaterThan(8);
        expect(syncUrl).toBe(service.url);
        await expect.poll(() => hq.getByTestId('enrollment-qr').count()).toBe(1);
        await hq.getByTestId('enrollment-done').click();
        await hq.getByTestId(`till-status-${name}`).waitFor();
        tills.push({ store: s, name, code, syncUrl } as TillRun);
      }
    }
    expect(tills).toHaveLength(3);
  });

  it('joins each till to HQ from its Connect-to-HQ screen with its code', async () => {
    for (const t of tills) {
      t.dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-from-nothing-'));
      t.host = await startHost(t.dataDir);
      t.net = 0;
      t.sales = 0;
      await seedShop(t.host.origin, t.host.cookie);
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      t.page = await context.newPage();
      t.page.on('pageerror', (e) => pageErrors.push(`till ${t.name}: ${e.message}`));
      t.page.setDefaultTimeout(20_000);
      await openTillPage(t.page, t.host.session);
      await t.page.getByTestId('login-user-Owner').click();
      await t.page.keyboard.type(OWNER_PIN);
      await t.page.keyboard.press('Enter');
      await t.page.getByTestId('nav-hq-connect').click();
      await t.page.getByTestId('connect-url').fill(t.syncUrl);
      await t.page.getByTestId('connect-code').fill(t.code);
      await t.page.getByTestId('connect-submit').click();
      await expect
        .poll(() => t.page.getByTestId('connect-joined-store-name').textContent())
        .toBe(t.store.name);
      await must(t.host.origin, t.host.cookie, 'shift-open', { openingFloat: 100_000 });
    }
  });

  it("shows each store's and the chain's net sales equal to what the tills sold", async () => {
    for (const [i, t] of tills.entries()) await ring(t, 3 + i);
    for (const t of tills) await must(t.host.origin, t.host.cookie, 'sync-now', {});
    for (const s of STORES) {
      const sold = tills.filter((t) => t.store === s).reduce((n, t) => n + t.sales, 0);
      await until(
        `${s.code} in the warehouse`,
        async () => (await warehouseSales(s.code)) === sold,
      );
    }
    const chainNet = STORES.reduce((sum, s) => sum + storeNet(s), 0);
    expect(chainNet).toBeGreaterThan(0);

    await hq.getByTestId('nav-figures').click();
    await hq.getByTestId('figures-screen').waitFor();
    await expect
      .poll(() => hq.getByTestId('kpi-chain-net-sales').textContent())
      .toContain(money(chainNet));
    await hq.getByTestId('chart-stores-table-view').click();
    for (const s of STORES) {
      await expect
        .poll(() => hq.getByTestId(`store-net-sales-${s.name}`).textContent())
        .toBe(money(storeNet(s)));
    }
    await hq.screenshot({ path: path.join(SHOTS, 'from-nothing-console-figures.png') });

    // Each till's sync health on its store's tills screen.
    for (const s of STORES) {
      await hq.getByTestId('nav-stores').click();
      await hq.getByTestId(`store-open-${s.code}`).click();
      for (const t of tills.filter((x) => x.store === s)) {
        await expect
          .poll(() => hq.getByTestId(`till-status-${t.name}`).textContent())
          .toMatch(/active/i);
        await expect
          .poll(() => hq.getByTestId(`till-events-today-${t.name}`).textContent())
          .not.toBe('0');
        expect(await hq.getByTestId(`till-last-push-${t.name}`).textContent()).toMatch(/ago|now/i);
      }
    }
  });

  it('gives an analyst the figures but no create button, and the API refuses it a store', async () => {
    await hq.getByTestId('nav-accounts').click();
    await hq.getByTestId('account-create').click();
    await hq.getByTestId('account-form-email').fill(ANALYST.email);
    await hq.getByTestId('account-form-name').fill('Ana Lyst');
    await hq.getByTestId('account-form-role').selectOption('analyst');
    await hq.getByTestId('account-form-password').fill(ANALYST.password);
    await hq.getByTestId('account-form-submit').click();
    await hq.getByTestId('account-form').waitFor({ state: 'detached' });

    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: LOCALE,
    });
    const analyst = await context.newPage();
    analyst.setDefaultTimeout(20_000);
    await consoleSignIn(analyst, service.url, ANALYST);
    await analyst.getByTestId('stores-screen').waitFor();
    await analyst.getByTestId(`store-open-${STORES[0]!.code}`).waitFor();
    expect(await analyst.getByTestId('store-create').count()).toBe(0);
    expect(await analyst.getByTestId(`store-edit-${STORES[0]!.code}`).count()).toBe(0);
    expect(await analyst.getByTestId('nav-accounts').count()).toBe(0);
    await analyst.getByTestId('nav-figures').click();
    const chainNet = STORES.reduce((sum, s) => sum + storeNet(s), 0);
    await expect
      .poll(() => analyst.getByTestId('kpi-chain-net-sales').textContent())
      .toContain(money(chainNet));

    const session = await consoleLogin(service.url, ANALYST);
    const res = await fetch(`${service.url}/v1/console/stores`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        [CSRF_HEADER]: session.csrfToken,
      },
      body: JSON.stringify({ code: 'X-1', name: 'X', currency: 'INR', timeZone: 'Asia/Kolkata' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN');
    await context.close();
  });

  it('revokes a till: it says HQ disconnected it and still sells offline', async () => {
    const t = tills[0]!;
    await hq.getByTestId('nav-stores').click();
    await hq.getByTestId(`store-open-${t.store.code}`).click();
    await hq.getByTestId(`till-revoke-${t.name}`).click();
    await hq.getByTestId('till-revoke-confirm-confirm').click();
    await expect
      .poll(() => hq.getByTestId(`till-status-${t.name}`).textContent())
      .toMatch(/revoked/i);

    const before = t.sales;
    await ring(t, 1);
    await must(t.host.origin, t.host.cookie, 'sync-now', {});
    await t.page.getByTestId('nav-hq-connect').click();
    await expect
      .poll(() => t.page.getByTestId('connect-revoked').textContent())
      .toMatch(/HQ disconnected/i);
    await t.page.screenshot({ path: path.join(SHOTS, 'from-nothing-till-revoked.png') });
    // The sale after the revocation is kept on the till, waiting, and HQ did not get it.
    const status = await must(t.host.origin, t.host.cookie, 'sync-status', {});
    expect(status.pending).toBeGreaterThanOrEqual(1);
    expect(t.sales).toBe(before + 1);
    await ring(t, 1);
    expect(await warehouseSales(t.store.code)).toBe(
      tills.filter((x) => x.store === t.store).reduce((n, x) => n + x.sales, 0) - 2,
    );
    expect(pageErrors).toEqual([]);
  });
});
