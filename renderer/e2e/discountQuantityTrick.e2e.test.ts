// Issue 11, the counter's quantity trick, end to end in Chromium against the browser-mode host:
// a cashier gives 10 % off 10 units as an amount (within the limit, no PIN), then sets the
// quantity to 1, which would make it 100 % off. The till asks for the owner's PIN; without it
// the cart stays as it was and no sale is made, with it the sale goes through.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { CASHIER, CATALOG, OWNER_PIN, seedShop } from './e2eShop';
import { must } from './tillApi';

const SHOTS = fileURLToPath(new URL('../../build/output/screenshots/', import.meta.url));
const dhoti = CATALOG[2];

describe('the quantity trick asks for the owner (browser mode)', () => {
  let dataDir = '';
  let host: HostProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-trick-'));
    host = await startHost(dataDir);
    await seedShop(host.origin, host.cookie);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    page.setDefaultTimeout(15_000);
  });

  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(SHOTS, `failed-${name}.png`) });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const minorOf = async (testId: string): Promise<number> =>
    Number(await page.getByTestId(testId).getAttribute('data-minor'));
  const salesMade = async () =>
    (await must(host.origin, host.cookie, 'sale-search', { query: '', limit: 50 })).filter(
      (s) => s.kind === 'sale',
    ).length;

  it('locks a user after 3 wrong PINs at sign-in and counts down the wait', async () => {
    await openTillPage(page, host.session);
    await page.getByTestId('login-user-Owner').click();
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('login-pin').fill('000000');
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth-login'));
      await page.getByTestId('login-pin').press('Enter');
      await answered;
    }
    expect(await page.getByTestId('login-pin').isDisabled()).toBe(true);
    await expect
      .poll(() => page.getByTestId('login-locked').textContent())
      .toMatch(/Try again in (30|29|28) s\./);
    await page.screenshot({ path: path.join(SHOTS, 'login-pin-locked.png') });
    // Another user is not locked.
    await page.getByText('← Someone else').click();
    await page.getByTestId(`login-user-${CASHIER.name}`).waitFor();
  });

  it('refuses 100 % off by quantity without the PIN, and sells once the owner approves', async () => {
    const key = (k: string) => page.keyboard.press(k);
    const type = (t: string) => page.keyboard.type(t);

    await openTillPage(page, host.session);
    await page.getByTestId(`login-user-${CASHIER.name}`).click();
    await type(CASHIER.pin);
    await key('Enter');
    await page.getByTestId('open-shift-dialog').waitFor();
    await type('0');
    await key('Enter');
    await page.getByTestId('no-shift').waitFor({ state: 'detached' });

    // 10 dhotis, then 10 % of their gross off as an amount: within the limit, no PIN asked.
    await type(dhoti.sku);
    await key('Enter');
    await page.getByTestId('cart-line-1').waitFor();
    await key('F2');
    await page.getByTestId('quantity-dialog').waitFor();
    await type('10');
    await key('Enter');
    await expect.poll(() => page.getByTestId('cart-line-qty-1').textContent()).toBe('10');
    await key('F3');
    await page.getByTestId('line-discount-dialog').waitFor();
    await type('449.50');
    await key('Enter');
    await page.getByTestId('line-discount-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('owner-approval').count()).toBe(0);
    const ninetyPercent = dhoti.minor * 10 - 44_950;
    await expect.poll(() => minorOf('cart-total')).toBe(ninetyPercent);

    // The trick: quantity 1 under the same amount would be 100 % off. The owner is asked.
    await key('F2');
    await page.getByTestId('quantity-dialog').waitFor();
    await key('Control+a');
    await type('1');
    await key('Enter');
    await page.getByTestId('owner-approval').waitFor();
    expect(await page.getByTestId('owner-approval').textContent()).toContain('100 %');
    await page.screenshot({ path: path.join(SHOTS, 'quantity-trick-owner-pin.png') });

    // No PIN: cancel. The quantity is refused and the cart stays 10 units at 10 % off.
    await key('Escape');
    await page.getByTestId('owner-approval').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('quantity-error').textContent()).toBeTruthy();
    await page.getByTestId('quantity-input').press('Escape');
    await page.getByTestId('quantity-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('cart-line-qty-1').textContent()).toBe('10');
    expect(await minorOf('cart-total')).toBe(ninetyPercent);
    expect(await salesMade()).toBe(0);

    // Again, and this time the owner types the PIN: 100 % off, approved, and the sale completes.
    await key('F2');
    await page.getByTestId('quantity-dialog').waitFor();
    await key('Control+a');
    await type('1');
    await key('Enter');
    await page.getByTestId('owner-approval').waitFor();
    await type(OWNER_PIN);
    await key('Enter');
    await page.getByTestId('quantity-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('cart-line-qty-1').textContent()).toBe('1');
    await expect.poll(() => minorOf('cart-total')).toBe(0);

    await key('F10');
    await page.getByTestId('payment-dialog').waitFor();
    await key('Control+a');
    await type('1');
    await key('c');
    await key('Enter');
    await page.getByTestId('receipt-dialog').waitFor();
    expect(await minorOf('receipt-total')).toBe(0);
    await key('Enter');
    await page.getByTestId('receipt-dialog').waitFor({ state: 'detached' });
    expect(await salesMade()).toBe(1);
  });
});
