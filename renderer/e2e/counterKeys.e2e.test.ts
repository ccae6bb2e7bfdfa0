// Issue 12, one finding per test, in Chromium over the real browser-mode host: Esc is local
// before it navigates (product search, CSV paste box), a quantity above stock on hand shows a
// warning (and still sells), Enter takes the only search result, an unknown code stays for
// correction, the approval box says what it approves, and the till locks after its idle time,
// keeping the sale for the PIN of the user who was signed in (parked, if someone else signs in).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { openTillPage } from '../../build/test/tillLaunch';
import { CASHIER, CATALOG, OWNER_PIN } from './e2eShop';
import {
  expectFocusHome,
  loginByKeys,
  openKeyboardTill,
  SHOTS,
  type KeyboardTill,
} from './keyboardTill';
import { must } from './tillApi';

const [kurta, jacket] = [CATALOG[0], CATALOG[3]];

let till: KeyboardTill;
let page: Page;
const key = (k: string) => page.keyboard.press(k);
const type = (t: string) => page.keyboard.type(t);

describe('keys and guards at the counter (browser mode)', () => {
  beforeAll(async () => {
    till = await openKeyboardTill();
    page = till.page;
  }, 120_000);

  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(SHOTS, `failed-keys-${name}.png`) });
    });
  });

  afterAll(async () => {
    expect(till?.pageErrors ?? []).toEqual([]);
    await till?.close();
  });

  it('Esc in the product search clears it and stays on Products; then goes to the sale', async () => {
    await openTillPage(page, till.host.session);
    await loginByKeys(page, 'Owner', OWNER_PIN);
    await page.getByTestId('nav-products').click();
    await page.getByTestId('products-screen').waitFor();
    const search = page.getByLabel('Search products');
    await search.focus();
    await type('kurta');
    await key('Escape');
    await expect.poll(() => search.inputValue()).toBe('');
    expect(await page.getByTestId('products-screen').count()).toBe(1);
    // Nothing left to clear: now Esc goes back to the sale.
    await key('Escape');
    await page.getByTestId('products-screen').waitFor({ state: 'detached' });
    // The sale screen offers the owner a shift; not now.
    await page.getByTestId('open-shift-dialog').waitFor();
    await key('Escape');
    await expectFocusHome(page);
  });

  it('Esc in the CSV paste box keeps what was pasted and stays on Products', async () => {
    await page.getByTestId('nav-products').click();
    const box = page.getByTestId('csv-text');
    await box.focus();
    const pasted = 'sku,name,price\nNEW-1,Pocket Square,199.00';
    await page.keyboard.insertText(pasted);
    await key('Escape');
    expect(await page.getByTestId('products-screen').count()).toBe(1);
    expect(await box.inputValue()).toBe(pasted);
    await page.getByTestId('nav-logout').click();
  });

  it('warns when the quantity is above the stock on hand, and still sells', async () => {
    await loginByKeys(page, CASHIER.name, CASHIER.pin);
    await page.getByTestId('open-shift-dialog').waitFor();
    await type('1000');
    await key('Enter');
    await expectFocusHome(page);
    await type(`25*${kurta.barcode}`); // 20 in stock
    await key('Enter');
    await page.getByTestId('cart-line-1').waitFor();
    await expect
      .poll(() => page.getByTestId('cart-line-stock-1').textContent())
      .toBe('only 20 in stock');
    await key('F2');
    await page.getByTestId('quantity-dialog').waitFor();
    await key('Control+a');
    await type('2');
    await key('Enter');
    await expect.poll(() => page.getByTestId('cart-line-qty-1').textContent()).toBe('2');
    expect(await page.getByTestId('cart-line-stock-1').count()).toBe(0);
    await expectFocusHome(page);
  });

  it('Enter takes the only search result; an unknown code stays in the field', async () => {
    await type('nehru');
    await page.getByTestId(`search-item-${jacket.sku}`).waitFor();
    await key('Enter');
    await page.getByTestId('cart-line-2').waitFor();
    await expect.poll(() => page.getByTestId('scan-field').inputValue()).toBe('');
    await type('XYZ-404');
    await key('Enter');
    await expect
      .poll(() => page.getByTestId('checkout-error').textContent())
      .toContain('Unknown barcode or SKU');
    await expect.poll(() => page.getByTestId('scan-field').inputValue()).toBe('XYZ-404');
    expect(await page.locator('tr.cart-line').count()).toBe(2);
    await key('Escape'); // clears the field, stays on the sale
    await expect.poll(() => page.getByTestId('scan-field').inputValue()).toBe('');
    await expectFocusHome(page);
  });

  it('the approval box says what it approves: share, amount and limit', async () => {
    await key('F3'); // line 2, the jacket, is selected
    await page.getByTestId('line-discount-dialog').waitFor();
    await type('25%');
    await key('Enter');
    await page.getByTestId('owner-approval').waitFor();
    expect(await page.getByTestId('owner-approval-subject').textContent()).toBe(
      'Line 2 discount: 25 % = ₹624.75, your limit 10 %',
    );
    await key('Escape');
    await key('Escape');
    await page.getByTestId('line-discount-dialog').waitFor({ state: 'detached' });
    await expectFocusHome(page);
    await key('Delete'); // the jacket goes again
    await expect.poll(() => page.locator('tr.cart-line').count()).toBe(1);
  });

  it('locks after the idle time, keeps the sale, and the same PIN brings it back', async () => {
    // The owner sets one minute on the Settings screen's field (through the API here).
    const owner = (await must(till.host.origin, till.host.cookie, 'users-list', {})).find(
      (u) => u.role === 'owner',
    )!;
    const settings = await must(till.host.origin, till.host.cookie, 'settings-update', {
      idleLockMinutes: 1,
      ownerPin: OWNER_PIN,
    });
    expect(settings.idleLockMinutes).toBe(1);
    expect(owner.name).toBe('Owner');
    // The page reads the setting at start: reopen it, as the cashier in the middle of a sale.
    await page.clock.install();
    await openTillPage(page, till.host.session);
    await page.getByTestId('cart-line-1').waitFor();
    await page.clock.fastForward('00:50');
    expect(await page.getByTestId('login-screen').count()).toBe(0);
    await key('Shift'); // activity restarts the minute
    await page.clock.fastForward('00:50');
    expect(await page.getByTestId('login-screen').count()).toBe(0);
    await page.clock.fastForward('00:15');
    await page.getByTestId('login-idle-locked').waitFor();
    expect(await page.getByTestId('login-pin').count()).toBe(1);
    // Locked means signed out in the core too: nothing can be rung up from this browser.
    const noSession = await page.evaluate(async () => {
      const r = await fetch('/api/auth-current', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return (await r.json()) as { ok: boolean; value?: unknown };
    });
    expect(noSession).toEqual({ ok: true, value: null });
    await type(CASHIER.pin);
    await key('Enter');
    await page.getByTestId('cart-line-1').waitFor();
    expect(await page.getByTestId('cart-line-qty-1').textContent()).toBe('2');
    await expectFocusHome(page);
  });

  it('parks the locked sale when someone else signs in, so it is not rung on their name', async () => {
    // An approval box open when the till locks is closed with it: nobody is left to approve for.
    await key('F3');
    await page.getByTestId('line-discount-dialog').waitFor();
    await type('50%');
    await key('Enter');
    await page.getByTestId('owner-approval').waitFor();
    await page.clock.fastForward('01:05');
    await page.getByTestId('login-idle-locked').waitFor();
    expect(await page.getByTestId('owner-approval').count()).toBe(0);
    await page.getByRole('button', { name: '← Someone else' }).click();
    await loginByKeys(page, 'Owner', OWNER_PIN);
    // The cashier's shift is open: the owner puts off joining it (Esc), as owners may.
    await page.getByTestId('shift-handover').waitFor();
    await key('Escape');
    await page.getByTestId('shift-handover').waitFor({ state: 'detached' });
    await page.getByTestId('dashboard-screen').waitFor();
    await key('Escape'); // to the sale
    await page.getByTestId('cart-empty').waitFor();
    await key('F9');
    await page.getByTestId('parked-0').waitFor();
    expect(await page.getByTestId('parked-0').textContent()).toContain(
      `${CASHIER.name}'s sale (till locked)`,
    );
  });
});
