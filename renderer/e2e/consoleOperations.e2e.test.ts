// HQ's operations page shows what tills report about the counter, end to end: a real till core
// (its outbox and relay) enrolled with the real sync service, Kafka and Postgres, and the console
// in Chromium. Issue 11: wrong PINs typed at the till, listed under "Security" with store, till,
// whose PIN and the run of failures. Issue 12: sales voided at the till (one above the void
// limit, approved by the owner), with store, till, cashier, reason and value, and each store's
// count and value.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { createHqAdmin, HQ_ADMIN } from '../../build/test/hqAccount';
import { adminCall } from '../../electron/test/sync/syncServiceProcess';
import { openClockedTill, type ClockedTill } from './clockedTill';
import { consoleSignIn, startConsoleService, until, type ConsoleService } from './consoleKit';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(repoRoot, 'build/output/screenshots');
const OWNER_PIN = '123456';

let hq: ConsoleService;
let till: ClockedTill;
let browser: Browser;
let page: Page;
let storeId = '';

const outboxEmptied = () =>
  until('the outbox to empty', async () => (await till.call('outbox-status', {})).pending === 0);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  hq = await startConsoleService('operations-console');
  await createHqAdmin(hq.database.url);
  till = await openClockedTill('Front counter');
  const url = hq.service.url;
  await till.call('setup-init', {
    storeName: 'Corner Shop',
    currency: 'INR',
    locale: 'en-IN',
    timeZone: 'Asia/Kolkata',
    taxMode: 'inclusive',
    ownerName: 'Olga Owner',
    ownerPin: OWNER_PIN,
    demo: false,
  });
  const store = await adminCall<{ storeId: string }>(url, '/v1/admin/stores', {
    name: 'Pune Camp',
    city: 'Pune',
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
  });
  storeId = store.storeId;
  const made = await adminCall<{ tillId: string; enrollmentCode: string }>(
    url,
    `/v1/admin/stores/${storeId}/tills`,
    { name: 'Counter 1' },
  );
  await till.call('sync-enroll', { url, code: made.enrollmentCode });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(20_000);
  await consoleSignIn(page, url, HQ_ADMIN);
});

afterAll(async () => {
  await browser?.close();
  await till?.close();
  await hq?.stop();
  if (till) rmSync(till.dir, { recursive: true, force: true });
});

describe("the HQ console's operations page", () => {
  it('lists wrong PINs at a till with store, till, user and count', async () => {
    const cashier = await till.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await till.call('auth-logout', {});
    for (let i = 0; i < 3; i++)
      expect((await till.core.dispatch('auth-login', { userId: cashier.id, pin: '0000' })).ok).toBe(
        false,
      );
    const owner = (await till.call('users-list', {})).find((u) => u.role === 'owner')!;
    await till.call('auth-login', { userId: owner.id, pin: OWNER_PIN });
    await outboxEmptied();

    await page.getByTestId('nav-ops').click();
    await page.getByTestId('pin-failures').waitFor();
    const rows = page.locator('[data-testid^="pin-failure-row-"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const newest = (await rows.first().textContent()) ?? '';
    for (const words of ['Pune Camp', 'Counter 1', 'Cass', 'sign-in'])
      expect(newest).toContain(words);
    const counts = await page.locator('[data-testid^="pin-failure-count-"]').allTextContents();
    expect(counts).toEqual(['3', '2', '1']);
    await page.getByTestId('pin-failures').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'console-security-pins.png'), fullPage: true });
  });

  it('lists voided sales with store, till, cashier, reason and value, and per store', async () => {
    await till.call('catalog-upsert', {
      product: {
        sku: 'K1',
        barcodes: ['8901'],
        name: 'Kurta',
        category: 'Kurtas',
        subCategory: 'Cotton',
        unitPrice: 1_500_00,
        taxRateBp: 500,
        reorderLevel: 0,
        leadTimeDays: 0,
        active: true,
      },
    });
    await till.call('shift-open', { openingFloat: 0 });
    // Cass is locked out by the PIN test above; another cashier rings and voids.
    const cashier = await till.call('users-create', { name: 'Vik', role: 'cashier', pin: '6666' });
    await till.call('auth-login', { userId: cashier.id, pin: '6666' });
    await till.call('shift-join', {});
    for (const [quantity, reason] of [
      [1, 'customer left'],
      [2, 'wrong size'],
    ] as const) {
      const cart = await till.call('cart-open', {});
      await till.call('cart-add-item', { cartId: cart.id, code: 'K1', quantity });
      await till.call('cart-void', { cartId: cart.id, reason, ownerPin: OWNER_PIN });
    }
    await outboxEmptied();

    await page.reload();
    await page.getByTestId('nav-ops').click();
    await page.getByTestId('cart-voids').waitFor();
    const rows = page.locator('[data-testid^="cart-void-row-"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const newest = (await rows.first().textContent()) ?? '';
    for (const words of ['Pune Camp', 'Counter 1', 'Vik', 'wrong size', '3,000.00', 'yes'])
      expect(newest).toContain(words);
    expect((await rows.nth(1).textContent()) ?? '').toContain('customer left');
    const perStore = (await page.getByTestId(`cart-voids-store-${storeId}`).textContent()) ?? '';
    expect(perStore).toContain('2 voids');
    expect(perStore).toContain('4,500.00');
    await page.getByTestId('cart-voids').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'console-cart-voids.png'), fullPage: true });
  });
});
