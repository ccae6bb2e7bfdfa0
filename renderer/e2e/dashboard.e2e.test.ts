// Issue 4, end to end: the demo shop (two years of trading) in the real browser-mode host, a few
// sales and a return rung up today through the API, then the owner's dashboard in Chromium. The
// headline figures on screen must be the API's own numbers, formatted in the store's currency and
// locale; screenshots of every tab in light and dark go to build/output/screenshots/.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../build/test/launchChromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardToday, DashboardTrends } from '../../shared/api';
import { salesKpis, sumTotals } from '../../shared/kpi/salesKpis';
import { formatMoney } from '../../shared/money';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { must } from './tillApi';

const SHOTS = fileURLToPath(new URL('../../build/output/screenshots/', import.meta.url));
const OWNER = { name: 'Owner', pin: '123456' };
const CURRENCY = 'INR';
const LOCALE = 'en-IN';
const money = (minor: number | null) =>
  minor === null ? '—' : formatMoney(minor, CURRENCY, LOCALE);
const count = (n: number) => new Intl.NumberFormat(LOCALE).format(n);
const percent = (r: number | null) =>
  r === null
    ? '—'
    : new Intl.NumberFormat(LOCALE, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(r);

describe('owner dashboard over the demo shop (browser mode)', () => {
  let dataDir = '';
  let host: HostProcess;
  let browser: Browser;
  let page: Page;
  let today: DashboardToday;
  let trends: DashboardTrends;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-dash-'));
    host = await startHost(dataDir);
    const { origin, cookie: token } = host;
    await must(origin, token, 'setup-init', {
      storeName: 'Demo Dashboard Store',
      currency: CURRENCY,
      locale: LOCALE,
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: OWNER.name,
      ownerPin: OWNER.pin,
      demo: true,
    });
    const owner = (await must(origin, token, 'users-list', {})).find((u) => u.role === 'owner');
    await must(origin, token, 'auth-login', { userId: owner!.id, pin: OWNER.pin });

    // Today: three sales and one return, so every headline figure is non-trivial.
    await must(origin, token, 'shift-open', { openingFloat: 100_000 });
    const products = (await must(origin, token, 'catalog-list', { limit: 3 })).items;
    const receipts = [];
    for (const [i, p] of products.entries()) {
      const cart = await must(origin, token, 'cart-open', {});
      const filled = await must(origin, token, 'cart-add-item', {
        cartId: cart.id,
        productId: p.id,
        quantity: i + 1,
      });
      receipts.push(
        await must(origin, token, 'cart-checkout', {
          cartId: cart.id,
          payments: [{ tender: 'cash', amount: filled.totals.total }],
        }),
      );
    }
    const first = receipts[0]!;
    await must(origin, token, 'return-create', {
      originalEventId: first.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash', amount: first.lines[0]!.total }],
      restock: true,
      reason: 'e2e',
    });

    today = await must(origin, token, 'dashboard-today', { topN: 5 });
    const year = Number(today.day.slice(0, 4));
    trends = await must(origin, token, 'dashboard-trends', {
      from: `${year - 1}-01-01`,
      to: today.day,
    });
    await must(origin, token, 'auth-logout', {});

    browser = await launchChromium();
    page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    page.on('pageerror', (e) => {
      pageErrors.push(e.message);
      console.error('page error:', e.message);
    });
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const shoot = async (name: string) => {
    // The dashboard scrolls inside the app shell, so a tall viewport shows every card at once.
    await page.setViewportSize({ width: 1440, height: 2000 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Charts repaint from the theme hook; wait a frame so the canvas shows the new colours.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await page.screenshot({
        path: path.join(SHOTS, `dashboard-${name}-${scheme}.png`),
        fullPage: false,
      });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 1000 });
  };

  it('lands the owner on the dashboard with today’s figures equal to the API’s', async () => {
    expect(today.totals.orders).toBe(3);
    expect(today.totals.returns).toBe(1);
    await openTillPage(page, host.session);
    await page.getByTestId(`login-user-${OWNER.name}`).click();
    await page.keyboard.type(OWNER.pin);
    await page.keyboard.press('Enter');
    await page.getByTestId('dashboard-today').waitFor();

    const tile = (id: string) =>
      page.getByTestId(`kpi-${id}`).locator('.dash-tile-value').textContent();
    expect(await tile('net-sales')).toBe(money(today.totals.netSales));
    expect(await tile('orders')).toBe(count(today.totals.orders));
    expect(await tile('aov')).toBe(money(today.totals.averageOrderValue));
    expect(await tile('return-rate')).toBe(percent(today.totals.rateOfReturn));
    expect(await tile('units')).toBe(count(today.totals.units));
    expect(await page.locator('[data-testid="dashboard-today"] canvas').count()).toBe(4);

    // The category card's table lists the API's rows; its CSV export is a real download.
    await page.getByTestId('chart-today-categories-table-view').click();
    const rows = page.locator('[data-testid="chart-today-categories"] tbody tr');
    expect(await rows.count()).toBe(today.byCategory.length);
    await page.getByTestId('chart-today-categories').getByRole('button', { name: 'Chart' }).click();
    await shoot('today');
  });

  it('shows months and years (local figures, marked) matching the API, with CSV export', async () => {
    const started = Date.now();
    await page.getByTestId('dash-tab-trends').click();
    await page.getByTestId('dashboard-trends').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="dashboard-trends"] canvas').count())
      .toBe(5);
    const renderMs = Date.now() - started;
    console.log(
      `trends tab: ${trends.months.length} months drawn in ${renderMs} ms (click to 5 charts)`,
    );

    expect(trends.source).toBe('local');
    expect(await page.getByTestId('source-local').first().isVisible()).toBe(true);
    const total = salesKpis(sumTotals(trends.months.map((m) => m.totals)));
    const tile = (id: string) =>
      page.getByTestId(`kpi-${id}`).locator('.dash-tile-value').textContent();
    expect(await tile('range-net-sales')).toBe(money(total.netSales));
    expect(await tile('range-orders')).toBe(count(total.orders));
    expect(await tile('range-aov')).toBe(money(total.averageOrderValue));
    // Two years of demo history: every month of last year has sales.
    expect(
      trends.months
        .filter((m) => m.month.startsWith(String(Number(today.day.slice(0, 4)) - 1)))
        .every((m) => m.totals.orders > 0),
    ).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByTestId('chart-months-csv').click();
    const file = await (await download).path();
    const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Month,Net sales,Previous year,Growth');
    expect(lines).toHaveLength(trends.months.length + 1);
    const last = trends.months[trends.months.length - 1]!;
    expect(lines[lines.length - 1]!.startsWith(`${last.month},`)).toBe(true);

    await shoot('trends');
  });

  it('shows the stock tab with the refill list', async () => {
    await page.getByTestId('dash-tab-stock').click();
    await page.getByTestId('dashboard-stock').waitFor();
    await page.getByTestId('kpi-stock-refill').waitFor();
    await shoot('stock');
    expect(pageErrors).toEqual([]);
  });

  it('asks for an HQ account (never the admin token) before the chain view, and says when HQ cannot be reached', async () => {
    await page.getByTestId('dash-tab-hq').click();
    await page.getByTestId('hq-connect').waitFor();
    expect(await page.getByTestId('hq-token').count()).toBe(0);
    // Not enrolled: no HQ copy of this store's figures yet, said in words.
    await page.getByTestId('hq-own-store-empty').waitFor();
    await page.getByTestId('hq-url').fill('http://127.0.0.1:9');
    await page.getByTestId('hq-email').fill('owner@example.com');
    await page.getByTestId('hq-password').fill('not-the-real-password');
    await page.getByTestId('hq-connect-submit').click();
    await expect
      .poll(() => page.getByTestId('hq-connect-error').textContent())
      .toContain('cannot be reached');
    expect(pageErrors).toEqual([]);
  });
});
