// The HQ console in Chromium against the real sync service, Kafka and PostgreSQL: the first admin
// is created with `npm run hq -- create-admin`; the admin signs in, creates two stores and a till
// for each from the console, two real till cores join with the codes the enrollment dialog showed
// and ring sales; the console's figures (chain, region, store, till, live hour — the last updated
// from the change stream without a reload) equal the test's own sums; the catalog import preview,
// operations, accounts and audit log are visited; an analyst sees figures but no create button
// and is refused by the API. A screenshot of each screen goes to build/output/screenshots/
// console-*.png; the stores and figures screens must fit an 820 px tablet without page scrolling.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../../build/test/launchChromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentQrText } from '../../shared/console/consoleApi';
import { formatMoney } from '../../shared/money';
import type { RunningSyncService } from '../../electron/test/sync/syncServiceProcess';
import type { TestDatabase } from '../../build/test/serviceEnv';
import { openClockedTill } from './clockedTill';
import { createHqAdmin } from '../../build/test/hqAccount';
import {
  consoleSignIn,
  pageFitsWidth,
  ringPlanned,
  startConsoleService,
  until,
  watchPage,
  type ConsoleService,
} from './consoleKit';
import { PRODUCTS, TIME_ZONE, lineNet, planSales, type PlannedSale } from './closedLoopPlan';
import { netOf, STORES, sum, todayOf } from './hqConsoleStores';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(repoRoot, 'build/output/screenshots');
const LOCALE = 'en-IN';
const money = (minor: number) => formatMoney(minor, 'INR', LOCALE);
const ADMIN = { email: 'ada@hq.example', password: 'correct horse battery' };
const ANALYST = { email: 'ana@hq.example', password: 'analyst password 1' };
const PIN = '123456';

let database: TestDatabase;
let hq: ConsoleService;
let service: RunningSyncService;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const NOW = Date.now();

const shoot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(SHOTS, `console-${name}.png`), fullPage: true });

const newPage = async (ctx: BrowserContext, who: string): Promise<Page> => {
  const p = await ctx.newPage();
  p.setDefaultTimeout(20_000);
  watchPage(p, who, problems);
  return p;
};

const signIn = (p: Page, who: { email: string; password: string }) =>
  consoleSignIn(p, service.url, who);

beforeAll(async () => {
  for (const dist of ['renderer/dist-console/index.html', 'renderer/dist/index.html'])
    if (!existsSync(path.join(repoRoot, dist)))
      throw new Error(`${dist} is missing: run \`npm run build:renderer\` first`);
  mkdirSync(SHOTS, { recursive: true });
  hq = await startConsoleService('hq-console');
  database = hq.database;
  service = hq.service;
  // The first admin, from the command line, as the README tells an HQ to do it.
  await createHqAdmin(database.url, { ...ADMIN, name: 'Ada Admin' });
  browser = await launchChromium();
  context = await browser.newContext({ locale: LOCALE, viewport: { width: 1440, height: 1000 } });
  page = await newPage(context, 'admin');
});

afterAll(async () => {
  await browser?.close();
  for (const s of STORES) await s.till?.close();
  await hq?.stop();
  for (const s of STORES) if (s.till) rmSync(s.till.dir, { recursive: true, force: true });
});

describe('HQ console', () => {
  it('signs the first admin in (and refuses a wrong password in words)', async () => {
    await page.goto(`${service.url}/console/`);
    await page.getByTestId('login-screen').waitFor();
    await shoot(page, 'login');
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('LOGIN_FAILED');
    expect(await error.textContent()).toMatch(/wrong email or password/i);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('stores-screen').waitFor();
    expect(await page.getByTestId('console-app').getAttribute('data-role')).toBe('admin');
    for (const nav of ['stores', 'catalog', 'figures', 'ops', 'accounts', 'audit'])
      await page.getByTestId(`nav-${nav}`).waitFor();
  });

  it('creates two stores from the form, showing the schema messages for bad input', async () => {
    await page.getByTestId('store-create').click();
    await page.getByTestId('store-form-code').fill('bad code!');
    await page.getByTestId('store-form-submit').click();
    expect(await page.getByTestId('store-form-code-error').textContent()).toMatch(
      /letters, digits/,
    );
    expect(await page.getByTestId('store-form-currency-error').isVisible()).toBe(true);
    await page.getByTestId('store-form-cancel').click();
    for (const s of STORES) {
      await page.getByTestId('store-create').click();
      await page.getByTestId('store-form-name').fill(s.name);
      await page.getByTestId('store-form-code').fill(s.code);
      await page.getByTestId('store-form-city').fill(s.city);
      await page.getByTestId('store-form-region').fill(s.region);
      await page.getByTestId('store-form-country').fill('IN');
      await page.getByTestId('store-form-currency').fill('INR');
      await page.getByTestId('store-form-timeZone').fill(TIME_ZONE);
      await page.getByTestId('store-form-submit').click();
      await page.getByTestId(`store-row-${s.code}`).waitFor();
    }
    expect(await page.getByTestId(`store-health-${STORES[0]!.code}`).textContent()).toBe(
      'No active tills',
    );
  });

  it('adds a till per store: the code, sync address and QR are shown once; the tills join with them', async () => {
    for (const [i, s] of STORES.entries()) {
      await page.getByTestId('nav-stores').click();
      await page.getByTestId(`store-open-${s.code}`).click();
      await page.getByTestId('tills-screen').waitFor();
      await expect.poll(() => page.getByTestId('tills-store-name').textContent()).toBe(s.name);
      await page.getByTestId('till-add').click();
      await page.getByTestId('add-till-name').fill(s.tillName);
      await page.getByTestId('add-till-submit').click();
      await page.getByTestId('enrollment-qr').waitFor();
      const code = (await page.getByTestId('enrollment-code').textContent()) ?? '';
      const syncUrl = (await page.getByTestId('enrollment-sync-url').textContent()) ?? '';
      const qrText = (await page.getByTestId('enrollment-qr-text').textContent()) ?? '';
      expect(syncUrl).toBe(service.url);
      expect(qrText).toBe(enrollmentQrText(syncUrl, code));
      expect(await page.getByTestId('enrollment-qr').getAttribute('src')).toMatch(
        /^data:image\/svg\+xml/,
      );
      if (i === 0) await shoot(page, 'tills-enrollment');
      await page.getByTestId('enrollment-done').click();
      await page.getByTestId(`till-row-${s.tillName}`).waitFor();

      const till = await openClockedTill(`${s.name} ${s.tillName}`);
      s.till = till;
      await till.call('setup-init', {
        storeName: s.name,
        currency: 'INR',
        locale: LOCALE,
        timeZone: TIME_ZONE,
        taxMode: 'inclusive',
        ownerName: `Owner ${i + 1}`,
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
      const joined = await till.call('sync-enroll', { url: syncUrl, code });
      expect(joined.enrolled).toBe(true);
      // Past months and today, so months, years and the live hour all have figures.
      s.sales = planSales(NOW, 2 + i, i);
      await ringPlanned(till, s.sales);
      await until(`${till.name} to push its sales`, async () => {
        const st = await till.call('sync-status', {});
        return st.pending === 0;
      });
    }
    // The till list shows the pushes in words.
    await page.getByTestId('tills-screen').waitFor();
    const last = STORES[1]!;
    await expect
      .poll(async () => {
        await page.getByTestId('nav-stores').click();
        await page.getByTestId(`store-open-${last.code}`).click();
        return page.getByTestId(`till-status-${last.tillName}`).textContent();
      })
      .toBe('Active');
    expect(await page.getByTestId(`till-last-push-${last.tillName}`).textContent()).toMatch(
      /now|second|minute/,
    );
    expect(await page.getByTestId(`till-overdue-${last.tillName}`).getAttribute('data-flag')).toBe(
      'ok',
    );
    await shoot(page, 'tills');
  });

  it('lists the stores with their sync health, and fits an 820 px tablet', async () => {
    await page.getByTestId('nav-stores').click();
    for (const s of STORES) {
      await expect
        .poll(() => page.getByTestId(`store-health-${s.code}`).getAttribute('data-flag'))
        .toBe('ok');
      expect(await page.getByTestId(`store-last-push-${s.code}`).textContent()).toMatch(
        /now|second|minute/,
      );
      expect(
        Number(await page.getByTestId(`store-events-today-${s.code}`).textContent()),
      ).toBeGreaterThan(0);
      expect(await page.getByTestId(`store-tills-${s.code}`).textContent()).toBe('1');
      // Sales rung on a till whose clock was pinned weeks back reach HQ late: counted as such.
      const origins = (await page.getByTestId(`store-event-origins-${s.code}`).textContent()) ?? '';
      const [imported, late] = origins.split('/').map((x) => Number(x.replace(/\D/g, '')));
      const old = s.sales.filter((x) => x.at !== null && x.at < NOW - 32 * 86_400_000).length;
      expect(imported).toBe(0);
      expect(late).toBeGreaterThanOrEqual(old);
    }
    await shoot(page, 'stores');
    await page.setViewportSize({ width: 820, height: 1180 });
    // Chart.js resizes its canvases on the next ResizeObserver round: wait for it.
    await expect.poll(() => pageFitsWidth(page)).toBe(true);
    await shoot(page, 'stores-tablet');
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it('shows chain, region, store and till figures equal to what the tills sold', async () => {
    const chainNet = sum(STORES.map((s) => netOf(s.sales)));
    await page.getByTestId('nav-figures').click();
    await page.getByTestId('figures-screen').waitFor();
    // The consumer applies the pushes asynchronously: reload the figures until they are in.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('kpi-chain-net-sales').waitFor();
          return page.locator('[data-testid="kpi-chain-net-sales"] .dash-tile-value').textContent();
        },
        { timeout: 60_000 },
      )
      .toBe(money(chainNet));
    expect(
      await page.locator('[data-testid="kpi-chain-orders"] .dash-tile-value').textContent(),
    ).toBe(String(sum(STORES.map((s) => s.sales.length))));
    await page.getByTestId('chart-stores-table-view').click();
    for (const s of STORES) {
      expect(await page.getByTestId(`store-net-sales-${s.name}`).textContent()).toBe(
        money(netOf(s.sales)),
      );
      expect(await page.getByTestId(`store-as-of-${s.name}`).textContent()).not.toBe(
        'no sales yet',
      );
    }
    await shoot(page, 'figures');
    await page.setViewportSize({ width: 820, height: 1180 });
    // Chart.js resizes its canvases on the next ResizeObserver round: wait for it.
    await expect.poll(() => pageFitsWidth(page)).toBe(true);
    await shoot(page, 'figures-tablet');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // Chain → region → store → till.
    const s = STORES[0]!;
    await page.getByTestId('chart-regions-table-view').click();
    await page.getByTestId(`drill-region-${s.region}`).click();
    await expect
      .poll(() =>
        page.locator('[data-testid="kpi-region-net-sales"] .dash-tile-value').textContent(),
      )
      .toBe(money(netOf(s.sales)));
    await page.getByTestId('chart-region-stores-table-view').click();
    expect(await page.getByTestId(`drill-store-${STORES[1]!.name}`).count()).toBe(0);
    await page.getByTestId(`drill-store-${s.name}`).click();
    await expect
      .poll(() =>
        page.locator('[data-testid="kpi-store-net-sales"] .dash-tile-value').textContent(),
      )
      .toBe(money(netOf(s.sales)));
    await page.getByTestId('chart-store-months-table-view').click();
    expect(
      await page.locator('[data-testid="chart-store-months"] tbody tr').count(),
    ).toBeGreaterThan(1);
    await shoot(page, 'figures-store');
    await page.getByTestId('chart-tills-table-view').click();
    await page.getByTestId(`drill-till-${s.tillName}`).click();
    await expect
      .poll(() => page.locator('[data-testid="kpi-till-net-sales"] .dash-tile-value').textContent())
      .toBe(money(netOf(s.sales)));
    await page.getByTestId('figures-crumb-chain').click();
    await page.getByTestId('figures-tab-products').click();
    await page.getByTestId('chart-top-products').waitFor();
    await page.getByTestId('chart-categories').waitFor();
    await page.getByTestId('chart-hours').waitFor();
    await shoot(page, 'figures-products');
  });

  it('updates the live last hour from the change stream without a reload', async () => {
    await page.getByTestId('figures-tab-live').click();
    const today = STORES.flatMap((s) => todayOf(s.sales));
    const tile = (id: string) =>
      page.locator(`[data-testid="kpi-${id}"] .dash-tile-value`).textContent();
    await expect.poll(() => tile('live-orders')).toBe(String(today.length));
    expect(await tile('live-net-sales')).toBe(money(netOf(today)));
    await expect
      .poll(() => page.getByTestId('live-status').getAttribute('data-stream'))
      .toBe('open');
    // Mark the document: a reload would lose the mark.
    await page.evaluate(() => document.body.setAttribute('data-no-reload', 'yes'));
    const extra: PlannedSale = { at: null, product: PRODUCTS[0]!, quantity: 3 };
    await ringPlanned(STORES[1]!.till!, [extra]);
    STORES[1]!.sales.push(extra);
    await expect
      .poll(() => tile('live-orders'), { timeout: 30_000 })
      .toBe(String(today.length + 1));
    expect(await tile('live-net-sales')).toBe(money(netOf(today) + lineNet(extra)));
    expect(await page.evaluate(() => document.body.getAttribute('data-no-reload'))).toBe('yes');
    await shoot(page, 'live-hour');
  });

  it('searches and edits the catalog and previews a CSV import with errors and changes', async () => {
    await page.getByTestId('nav-catalog').click();
    await page.getByTestId('catalog-screen').waitFor();
    await page.getByTestId('catalog-import-open').click();
    const first = [
      'sku,name,price,category,tax_rate',
      'HQ-MUG,Steel mug,250,Home,18',
      'HQ-CAP,Cotton cap,399.50,Apparel,12',
    ].join('\n');
    await page.getByTestId('catalog-import-text').fill(first);
    await page.getByTestId('catalog-import-preview').click();
    await expect.poll(() => page.getByTestId('import-count-creates').textContent()).toBe('2');
    await page.getByTestId('catalog-import-run').click();
    await page.getByTestId('catalog-import-result').waitFor();
    await page.getByTestId('product-row-HQ-CAP').waitFor();

    // A second file: one price change, one new product and a row with two errors.
    const second = [
      'sku,name,price,category,tax_rate',
      'HQ-MUG,Steel mug,275,Home,18',
      'HQ-BAG,Jute bag,120,Home,5',
      'HQ-BAD,,abc,Home,5',
    ].join('\n');
    // Chosen as a file, then chosen again under the same name after a fix: the new text is read.
    const choose = (text: string) =>
      page.getByTestId('catalog-import-file').setInputFiles({
        name: 'hq-catalog.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
    await choose(second.replace('275', '27x'));
    await expect.poll(() => page.getByTestId('catalog-import-text').inputValue()).toContain('27x');
    // A browser fires no change event for the file the input already holds (Playwright always
    // does): the input must be empty again after the read, or the same name is not read again.
    expect(await page.getByTestId('catalog-import-file').inputValue()).toBe('');
    await choose(second);
    await expect.poll(() => page.getByTestId('catalog-import-text').inputValue()).toBe(second);
    await page.getByTestId('catalog-import-preview').click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-count-updates').textContent()).toBe('1');
    expect(await page.getByTestId('import-count-creates').textContent()).toBe('1');
    expect(await page.getByTestId('import-error-4-name').count()).toBe(1);
    expect(await page.getByTestId('import-error-4-price').count()).toBe(1);
    // The valid rows may be imported; the bad one would be skipped and listed.
    expect(await page.getByTestId('catalog-import-run').isDisabled()).toBe(false);
    expect(await page.getByTestId('catalog-import-run').textContent()).toContain('skip the rows');
    expect(await page.getByTestId('import-changes').textContent()).toMatch(/HQ-MUG/);
    await shoot(page, 'import-preview');
    await page.getByTestId('catalog-import-open').click();

    // Server-side search, then one product edited through the form.
    await page.getByTestId('catalog-search').fill('cap');
    await expect.poll(() => page.getByTestId('product-row-HQ-MUG').count()).toBe(0);
    await page.getByTestId('product-row-HQ-CAP').waitFor();
    await page.getByTestId('product-edit-HQ-CAP').click();
    await page.getByTestId('product-form-price').fill('410');
    await page.getByTestId('product-form-submit').click();
    await expect
      .poll(() => page.getByTestId('product-row-HQ-CAP').textContent())
      .toContain(money(410_00));
    await page.getByTestId('catalog-search').fill('');
    await page.getByTestId('catalog-tills').waitFor();
    await page.getByTestId('product-row-HQ-MUG').waitFor();
    await shoot(page, 'catalog');
  });

  it('shows operations: Kafka and Postgres health, consumer lag, dead letters', async () => {
    await page.getByTestId('nav-ops').click();
    await page.getByTestId('ops-health').waitFor();
    const value = (id: string) =>
      page.locator(`[data-testid="kpi-${id}"] .dash-tile-value`).textContent();
    await expect.poll(() => value('ops-kafka')).toBe('OK');
    expect(await value('ops-postgres')).toBe('OK');
    await page.getByTestId('dead-letters').waitFor();
    await shoot(page, 'operations');
  });

  it('creates an analyst account and shows the audit log of every change', async () => {
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-create').click();
    await page.getByTestId('account-form-email').fill(ANALYST.email);
    await page.getByTestId('account-form-name').fill('Ana Analyst');
    await page.getByTestId('account-form-role').selectOption('analyst');
    await page.getByTestId('account-form-password').fill('short');
    await page.getByTestId('account-form-submit').click();
    expect(await page.getByTestId('account-form-password-error').textContent()).toMatch(/10/);
    await page.getByTestId('account-form-password').fill(ANALYST.password);
    await page.getByTestId('account-form-submit').click();
    await page.getByTestId(`account-row-${ANALYST.email}`).waitFor();
    await shoot(page, 'accounts');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    const text = (await page.getByTestId('audit-table').textContent()) ?? '';
    for (const action of [
      'store.create',
      'till.create',
      'account.create',
      'catalog.import',
      'catalog.update',
    ])
      expect(text).toContain(action);
    expect(await page.getByTestId('audit-export').getAttribute('href')).toBe(
      '/v1/console/audit.csv',
    );
    await shoot(page, 'audit');
  });

  it('gives an analyst the figures but no create button, and the API refuses their writes', async () => {
    const analystContext = await browser.newContext({
      locale: LOCALE,
      viewport: { width: 1440, height: 1000 },
    });
    const p = await newPage(analystContext, 'analyst');
    await signIn(p, ANALYST);
    await p.getByTestId(`store-row-${STORES[0]!.code}`).waitFor();
    expect(await p.getByTestId('store-create').count()).toBe(0);
    expect(await p.getByTestId(`store-edit-${STORES[0]!.code}`).count()).toBe(0);
    for (const nav of ['ops', 'accounts', 'audit'])
      expect(await p.getByTestId(`nav-${nav}`).count()).toBe(0);
    await p.getByTestId(`store-open-${STORES[0]!.code}`).click();
    await p.getByTestId('tills-screen').waitFor();
    await p.getByTestId(`till-row-${STORES[0]!.tillName}`).waitFor();
    expect(await p.getByTestId('till-add').count()).toBe(0);
    expect(await p.getByTestId(`till-revoke-${STORES[0]!.tillName}`).count()).toBe(0);
    await p.getByTestId('nav-catalog').click();
    await p.getByTestId('product-row-HQ-MUG').waitFor();
    expect(await p.getByTestId('product-add').count()).toBe(0);
    expect(await p.getByTestId('catalog-import-open').count()).toBe(0);
    expect(await p.getByTestId('product-edit-HQ-MUG').count()).toBe(0);
    await p.getByTestId('nav-figures').click();
    await expect
      .poll(() => p.locator('[data-testid="kpi-chain-net-sales"] .dash-tile-value').textContent())
      .toBe(money(sum(STORES.map((s) => netOf(s.sales)))));
    const status = await p.evaluate(async () => {
      const session = (await (await fetch('/v1/console/session')).json()) as { csrfToken: string };
      const res = await fetch('/v1/console/stores', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          code: 'X1',
          name: 'Sneaky',
          currency: 'INR',
          timeZone: 'Asia/Kolkata',
        }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    // Logging out returns to the login screen.
    await p.getByTestId('user-menu').click();
    await p.getByTestId('user-logout').click();
    await p.getByTestId('login-screen').waitFor();
    await analystContext.close();
    expect(problems).toEqual([]);
  });
});
