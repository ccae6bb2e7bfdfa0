// The till side of "HQ console and till connection", end to end and all real: the browser-mode
// till in Chromium against the real sync service (gateway, Kafka, warehouse, Postgres). The owner
// sets the store's limits, connects the till to HQ from its Connect screen with the code pasted
// as HQ's QR text (after plain http:// to another machine is refused), sees a sale pushed, looks
// at this store's HQ figures, then HQ revokes the till: the till says so in words, on the screen
// and in the cashier's status strip, and goes on selling offline; disconnecting warns that events
// wait. Screenshots of each state go to build/output/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../build/test/launchChromium';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { enrollmentQrText } from '../../shared/console/consoleApi';
import {
  adminCall,
  freePort,
  startSyncService,
  type RunningSyncService,
} from '../../electron/test/sync/syncServiceProcess';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '../../build/test/serviceEnv';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { CATALOG, OWNER_PIN, seedShop } from './e2eShop';
import {
  consoleLogin,
  consolePost,
  createHqAdmin,
  type ConsoleSession,
} from '../../build/test/hqAccount';
import { must } from './tillApi';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../build/output/screenshots/', import.meta.url));
const kurta = CATALOG[0];

describe('till settings and connection to HQ (browser mode, real sync service)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let service: RunningSyncService;
  let dataDir = '';
  let host: HostProcess;
  let browser: Browser;
  let page: Page;
  let hq: ConsoleSession;
  let storeId = '';
  let tillId = '';
  let code = '';
  const pageErrors: string[] = [];

  const key = (k: string) => page.keyboard.press(k);
  const type = (t: string) => page.keyboard.type(t);
  const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

  /** One cash sale of a kurta from the scan field, by keyboard, as the cashier would. */
  const sellKurta = async () => {
    await key('Escape');
    await page.getByTestId('scan-field').waitFor();
    if (await page.getByTestId('open-shift-dialog').count()) {
      await type('1000');
      await key('Enter');
      await page.getByTestId('no-shift').waitFor({ state: 'detached' });
    }
    await page.getByTestId('scan-field').focus();
    await type(kurta.barcode);
    await key('Enter');
    await page.getByTestId('cart-line-1').waitFor();
    await key('F10');
    await page.getByTestId('payment-dialog').waitFor();
    await key('c');
    await page.getByTestId('pay-change').waitFor();
    await key('Enter');
    await page.getByTestId('receipt-dialog').waitFor();
    await key('Enter');
    await page.getByTestId('receipt-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('cart-empty').waitFor();
  };

  const warehouseSales = async (): Promise<number> => {
    const { rows } = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM events WHERE store_id = $1 AND type = 'sale'",
      [storeId],
    );
    return Number(rows[0]?.n ?? 0);
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    execFileSync('bash', [path.join(repoRoot, 'build/scripts/services-up.sh')], {
      stdio: 'inherit',
    });
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => undefined); // the database is dropped under idle clients at the end
    service = await startSyncService({
      databaseUrl: database.url,
      eventsTopic: uniqueTopic('till-connect.events'),
      dlqTopic: uniqueTopic('till-connect.dlq'),
      consumerGroup: uniqueTopic('till-connect.group'),
      port: await freePort(),
    });
    await createHqAdmin(database.url);
    hq = await consoleLogin(service.url);
    const store = await adminCall<{ storeId: string }>(service.url, '/v1/admin/stores', {
      name: 'Pune Camp',
      city: 'Pune',
      region: 'West',
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
    });
    storeId = store.storeId;
    const till = await adminCall<{ tillId: string; enrollmentCode: string }>(
      service.url,
      `/v1/admin/stores/${storeId}/tills`,
      { name: 'Pune Camp till 1' },
    );
    tillId = till.tillId;
    code = till.enrollmentCode;

    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-connect-'));
    host = await startHost(dataDir);
    await seedShop(host.origin, host.cookie);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(20_000);
  }, 240_000);

  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(SHOTS, `failed-${name}.png`) });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await service?.stop();
    await pool?.end();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lets the owner change the limits and receipt header, the rest shown fixed and why', async () => {
    await openTillPage(page, host.session);
    await page.getByTestId('login-user-Owner').click();
    await type(OWNER_PIN);
    await key('Enter');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-screen').waitFor();
    expect(await page.getByTestId('settings-store-name').inputValue()).toBe('Rang E2E Menswear');
    expect(await page.getByTestId('settings-discount-limit').inputValue()).toBe('10');
    expect(await text('settings-currency')).toBe('INR');
    expect(await text('settings-time-zone')).toBe('Asia/Kolkata');
    expect(await text('settings-tax-mode')).toBe('Tax inclusive');
    expect(await text('settings-fixed-why')).toContain('cannot change once sales exist');

    await page.getByTestId('settings-receipt-header').fill('Rang Menswear · GSTIN 27AAAAA0000A1Z5');
    await page.getByTestId('settings-discount-limit').fill('12.5');
    await page.getByTestId('settings-refund-limit').fill('1500.00');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    const saved = await must(host.origin, host.cookie, 'settings-get', {});
    expect(saved).toMatchObject({
      receiptHeader: 'Rang Menswear · GSTIN 27AAAAA0000A1Z5',
      discountLimitBp: 1_250,
      refundLimit: 150_000,
    });
    // A bad percentage is refused in words, and nothing is sent.
    await page.getByTestId('settings-discount-limit').fill('150');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => text('settings-error')).toContain('percentage from 0 to 100');
    await page.getByTestId('settings-discount-limit').fill('12.5');
    await page.getByTestId('settings-error').getByRole('button').click();
    await page.screenshot({ path: path.join(SHOTS, 'till-settings.png') });
    expect(pageErrors).toEqual([]);
  });

  it('refuses plain http to another machine, fills both fields from pasted QR text, and joins', async () => {
    await page.getByTestId('nav-hq-connect').click();
    await page.getByTestId('connect-form').waitFor();
    expect(await text('sync-status')).toContain('Not connected to HQ');

    await page.getByTestId('connect-url').fill('http://192.168.1.20:8787');
    await page.getByTestId('connect-code').fill(code);
    await page.getByTestId('connect-insecure-warning').waitFor();
    await page.getByTestId('connect-submit').click();
    // The core refuses it (not only the page): nothing went to the network.
    await expect.poll(() => text('connect-error')).toContain('unencrypted');
    expect((await must(host.origin, host.cookie, 'sync-status', {})).enrolled).toBe(false);

    // HQ's QR text pasted into the code field fills the address too.
    await page.getByTestId('connect-code').fill('');
    await page.getByTestId('connect-code').fill(enrollmentQrText(service.url, code));
    expect(await page.getByTestId('connect-url').inputValue()).toBe(service.url);
    expect(await page.getByTestId('connect-code').inputValue()).toBe(code);
    expect(await page.getByTestId('connect-insecure-warning').count()).toBe(0);
    await page.getByTestId('connect-error').getByRole('button').click();
    await page.screenshot({ path: path.join(SHOTS, 'till-connect-hq.png') });

    await page.getByTestId('connect-submit').click();
    await page.getByTestId('connect-status').waitFor();
    expect(await text('connect-joined-store-name')).toBe('Pune Camp');
    expect(await text('connect-joined-store-city')).toBe('Pune');
    expect(await text('connect-joined-store-id')).toBe(storeId);
    expect(await text('connect-joined-till-id')).toBe(tillId);
    // The cashier's strip follows at once, not at its next poll.
    await expect.poll(() => text('sync-status'), { timeout: 5_000 }).toContain('HQ');
    expect(await text('sync-status')).not.toContain('Not connected');
    expect(pageErrors).toEqual([]);
  });

  it('pushes a sale to HQ and says so in words; the HQ tab shows this store without an HQ login', async () => {
    await sellKurta();
    await expect.poll(warehouseSales, { timeout: 60_000 }).toBe(1);
    await page.getByTestId('nav-hq-connect').click();
    await expect
      .poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 30_000 })
      .toBe('0');
    await expect.poll(() => text('sync-last-push'), { timeout: 30_000 }).toBe('just now');
    expect(await text('sync-connection')).toBe('Connected: HQ is answering.');
    expect(await text('sync-rejected-count')).toBe('none');
    await page.getByTestId('sync-now').click();
    await page.screenshot({ path: path.join(SHOTS, 'till-connect-hq-connected.png') });

    // The HQ tab: this store's HQ figures with the till's own token; the chain needs an account.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dash-tab-hq').click();
    await page.getByTestId('hq-connect').waitFor();
    await page.getByTestId('hq-own-store').waitFor();
    expect(await page.getByTestId('hq-token').count()).toBe(0);
    await expect.poll(() => page.getByTestId('hq-url').inputValue()).toBe(service.url);
    await page.getByTestId('hq-email').fill('hq-admin@example.com');
    await page.getByTestId('hq-password').fill('not the password at all');
    await page.getByTestId('hq-connect-submit').click();
    await expect
      .poll(() => text('hq-connect-error'))
      .toContain('HQ did not accept that email and password');
    expect(pageErrors).toEqual([]);
  });

  it('says in words that HQ disconnected the till once revoked, and still sells offline', async () => {
    await consolePost(service.url, hq, `/v1/console/tills/${tillId}/revoke`);
    // The next push is refused (401): the till learns it was revoked and keeps the sale.
    await sellKurta();
    await expect
      .poll(() => text('sync-status'), { timeout: 30_000 })
      .toContain('HQ disconnected this till');
    expect(await text('sync-status')).toContain('still selling offline');
    await page.getByTestId('nav-hq-connect').click();
    await page.getByTestId('connect-revoked').waitFor();
    expect(await text('connect-revoked')).toContain('HQ disconnected this till.');
    expect(await text('connect-revoked')).toContain('keeps selling offline');
    expect(await text('connect-revoked')).toContain('new code');
    expect(await text('sync-connection')).toBe('HQ disconnected this till.');
    await page.getByTestId('connect-form').waitFor();
    expect(await warehouseSales()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'till-hq-disconnected.png') });

    // It still sells: another sale goes into the queue.
    const before = (await must(host.origin, host.cookie, 'sync-status', {})).pending;
    await sellKurta();
    expect((await must(host.origin, host.cookie, 'sync-status', {})).pending).toBeGreaterThan(
      before,
    );

    // Disconnecting warns that events wait, and keeps them.
    await page.getByTestId('nav-hq-connect').click();
    await page.getByTestId('sync-disconnect').click();
    await expect.poll(() => text('sync-disconnect-warning')).toContain('have not reached HQ yet');
    await page.getByTestId('sync-disconnect-confirm').click();
    await page.getByTestId('connect-pending-offline').waitFor();
    expect(await page.getByTestId('connect-status').count()).toBe(0);
    const after = await must(host.origin, host.cookie, 'sync-status', {});
    expect(after).toMatchObject({ enrolled: false, hqUrl: null });
    expect(after.pending).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
  });

  it("shows a product's stock history: the opening count and each sale, adding up to on hand", async () => {
    await page.getByTestId('nav-stock').click();
    await page.getByTestId(`stock-history-${kurta.sku}`).click();
    await page.getByTestId('stock-moves-table').waitFor();
    const opening = page.getByTestId('stock-move-opening');
    expect(await opening.count()).toBe(1);
    expect(await opening.locator('td').nth(2).textContent()).toBe('+20');
    const sales = await page.getByTestId('stock-move-sale').count();
    expect(sales).toBeGreaterThanOrEqual(2);
    expect(await text('stock-moves-dialog')).toContain(`on hand now ${20 - sales}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('stock-moves-dialog').waitFor({ state: 'detached' });
  });

  it('reads an X report of the open shift: its sales so far, no count or variance yet', async () => {
    await page.getByTestId('nav-shift').click();
    await page.getByTestId('shift-x-report').click();
    await page.getByTestId('z-report').waitFor();
    expect(await text('z-report')).toContain('X report (shift still open)');
    const shift = await must(host.origin, host.cookie, 'shift-current', {});
    const live = await must(host.origin, host.cookie, 'shift-z-report', { shiftId: shift!.id });
    expect(await page.getByTestId('z-salesCount').getAttribute('data-value')).toBe(
      String(live.salesCount),
    );
    expect(live.salesCount).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('z-countedCash').count()).toBe(0);
    expect(await page.getByTestId('shift-current').count()).toBe(1);
  });
});
