// Issue 11: HQ sees a cashier guessing PINs. Wrong PINs typed at a real till core (its outbox and
// relay) reach the real sync service, Kafka and Postgres, and the console's operations page, in
// Chromium, lists them under "Security" with the store, till, whose PIN and the run of failures.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { createHqAdmin, HQ_ADMIN } from '../../build/test/hqAccount';
import { adminCall } from '../../electron/core/sync/syncServiceProcess';
import { openClockedTill, type ClockedTill } from './clockedTill';
import { consoleSignIn, startConsoleService, until, type ConsoleService } from './consoleKit';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = path.join(repoRoot, 'build/output/screenshots');

let hq: ConsoleService;
let till: ClockedTill;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  hq = await startConsoleService('pin-failures-console');
  await createHqAdmin(hq.database.url);
  till = await openClockedTill('Front counter');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
  await till?.close();
  await hq?.stop();
  if (till) rmSync(till.dir, { recursive: true, force: true });
});

describe('wrong PINs at a till in the HQ console', () => {
  it('lists them on the operations page with store, till, user and count', async () => {
    const url = hq.service.url;
    await till.call('setup-init', {
      storeName: 'Corner Shop',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Olga Owner',
      ownerPin: '123456',
      demo: false,
    });
    const store = await adminCall<{ storeId: string }>(url, '/v1/admin/stores', {
      name: 'Pune Camp',
      city: 'Pune',
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
    });
    const made = await adminCall<{ tillId: string; enrollmentCode: string }>(
      url,
      `/v1/admin/stores/${store.storeId}/tills`,
      { name: 'Counter 1' },
    );
    await till.call('sync-enroll', { url, code: made.enrollmentCode });
    const cashier = await till.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await till.call('auth-logout', {});
    for (let i = 0; i < 3; i++)
      expect((await till.core.dispatch('auth-login', { userId: cashier.id, pin: '0000' })).ok).toBe(
        false,
      );
    const owner = (await till.call('users-list', {})).find((u) => u.role === 'owner')!;
    await till.call('auth-login', { userId: owner.id, pin: '123456' });
    await until(
      'the outbox to empty',
      async () => (await till.call('outbox-status', {})).pending === 0,
    );

    await consoleSignIn(page, url, HQ_ADMIN);
    await page.getByTestId('nav-ops').click();
    await page.getByTestId('pin-failures').waitFor();
    const rows = page.locator('[data-testid^="pin-failure-row-"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const newest = (await rows.first().textContent()) ?? '';
    expect(newest).toContain('Pune Camp');
    expect(newest).toContain('Counter 1');
    expect(newest).toContain('Cass');
    expect(newest).toContain('sign-in');
    const counts = await page.locator('[data-testid^="pin-failure-count-"]').allTextContents();
    expect(counts).toEqual(['3', '2', '1']);
    await page.getByTestId('pin-failures').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'console-security-pins.png'), fullPage: true });
  });
});
