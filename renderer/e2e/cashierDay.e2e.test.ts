// Issue 12: a cashier's day at the counter in Chromium, WITHOUT the mouse: after the page opens,
// only keyboard.press and keyboard.type. Each step is one entry of DAY and one test, run in order
// on the same till; after every step the focus is back home in the scan field, because a till
// whose keyboard stops after a dialog cannot be used. Later steps (void, hand-over, returns, the Z
// report) are added to DAY.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { openTillPage } from '../../build/test/tillLaunch';
import { CASHIER, CATALOG, OWNER_PIN } from './e2eShop';
import { inclusiveLine, sum } from './expectedFigures';
import {
  expectFocus,
  expectFocusHome,
  loginByKeys,
  minorOf,
  openKeyboardTill,
  SHOTS,
  tabTo,
  type KeyboardTill,
} from './keyboardTill';

const [kurta, sherwani, dhoti] = [CATALOG[0], CATALOG[1], CATALOG[2]];

let till: KeyboardTill;
let page: Page;
const key = (k: string) => page.keyboard.press(k);
const type = (t: string) => page.keyboard.type(t);
const lineCount = () => page.locator('tr.cart-line').count();
/** The sale as the test works it out itself, line by line. */
const expected = {
  kurta: inclusiveLine(kurta.minor, 1, kurta.taxBp),
  sherwani: inclusiveLine(sherwani.minor, 1, sherwani.taxBp),
  dhoti: inclusiveLine(dhoti.minor, 3, dhoti.taxBp),
};

interface Step {
  name: string;
  run: () => Promise<void>;
}

const DAY: Step[] = [
  {
    name: 'logs in by keys alone, and a wrong PIN leaves the focus in the PIN field',
    run: async () => {
      await openTillPage(page, till.host.session);
      await loginByKeys(page, CASHIER.name, '1357');
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('PIN');
      await expectFocus(page, 'login-pin');
      await type(CASHIER.pin);
      await key('Enter');
    },
  },
  {
    name: 'opens the shift with a float',
    run: async () => {
      await page.getByTestId('open-shift-dialog').waitFor();
      await type('2000');
      await key('Enter');
      await page.getByTestId('no-shift').waitFor({ state: 'detached' });
      await expectFocusHome(page);
    },
  },
  {
    name: 'scans a barcode; an unknown code stays in the field for correction',
    run: async () => {
      await type(kurta.barcode);
      await key('Enter');
      await page.getByTestId('cart-line-1').waitFor();
      await type('8901234567999');
      await key('Enter');
      await expect
        .poll(() => page.getByTestId('checkout-error').textContent())
        .toContain('Unknown barcode or SKU');
      await expect.poll(() => page.getByTestId('scan-field').inputValue()).toBe('8901234567999');
      expect(await lineCount()).toBe(1);
      // Corrected: the last digit was wrong.
      await key('End');
      await key('Backspace');
      await key('Backspace');
      await key('Backspace');
      await type('001');
      await key('Enter');
      await expect.poll(() => page.getByTestId('cart-line-qty-1').textContent()).toBe('2');
      await expect.poll(() => page.getByTestId('scan-field').inputValue()).toBe('');
      await page.getByTestId('checkout-error').waitFor({ state: 'detached' });
      await expectFocusHome(page);
    },
  },
  {
    name: 'takes the only search result with Enter, even typed faster than the search',
    run: async () => {
      await type('sherwani');
      await page.getByTestId(`search-item-${sherwani.sku}`).waitFor();
      await key('Enter');
      await page.getByTestId('cart-line-2').waitFor();
      expect(await page.getByTestId('checkout-error').count()).toBe(0);
      // Enter straight after the name, before the search could answer.
      await type('dhoti');
      await key('Enter');
      await page.getByTestId('cart-line-3').waitFor();
      await expect.poll(() => page.getByTestId('scan-field').inputValue()).toBe('');
      expect(await page.getByTestId('checkout-error').count()).toBe(0);
      await expectFocusHome(page);
    },
  },
  {
    name: 'sets a quantity with F2',
    run: async () => {
      // Back to one kurta (line 1): ↑↑ from the dhoti selects it.
      await key('ArrowUp');
      await key('ArrowUp');
      await key('F2');
      await page.getByTestId('quantity-dialog').waitFor();
      await key('Control+a');
      await type('1');
      await key('Enter');
      await expect.poll(() => page.getByTestId('cart-line-qty-1').textContent()).toBe('1');
      await expectFocusHome(page);
      await key('ArrowDown');
      await key('ArrowDown');
      await key('F2');
      await page.getByTestId('quantity-dialog').waitFor();
      await type('3');
      await key('Enter');
      await expect.poll(() => page.getByTestId('cart-line-qty-3').textContent()).toBe('3');
      await expectFocusHome(page);
      const sale = sum([expected.kurta, expected.sherwani, expected.dhoti]);
      await expect.poll(() => minorOf(page, 'cart-total')).toBe(sale.total);
    },
  },
  {
    name: 'asks the owner for a discount above the limit, says what, refused then given',
    run: async () => {
      // The sherwani (line 2) at 25 %: the limit is 10 %.
      await key('ArrowUp');
      await key('F3');
      await page.getByTestId('line-discount-dialog').waitFor();
      await type('25%');
      await key('Enter');
      await page.getByTestId('owner-approval').waitFor();
      const amount = Math.round((sherwani.minor * 25) / 100);
      const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });
      expect(await page.getByTestId('owner-approval-subject').textContent()).toBe(
        `Line 2 discount: 25 % = ${inr.format(amount / 100)}, your limit 10 %`,
      );
      // Refused: the owner cancels. The discount box is still there and has the keyboard.
      await key('Escape');
      await page.getByTestId('owner-approval').waitFor({ state: 'detached' });
      await expectFocus(page, 'discount-input');
      await key('Escape');
      await page.getByTestId('line-discount-dialog').waitFor({ state: 'detached' });
      await expectFocusHome(page);
      expect(await page.getByTestId('cart-line-discount-2').textContent()).toBe('');
      // The refusal was said in the discount box; no stale banner stays behind on the sale.
      expect(await page.getByTestId('checkout-error').count()).toBe(0);

      // A wrong PIN keeps the box open with the reason; the right one applies it.
      await key('F3');
      await page.getByTestId('line-discount-dialog').waitFor();
      await type('25%');
      await key('Enter');
      await page.getByTestId('owner-approval').waitFor();
      await type('111111');
      await key('Enter');
      await page.getByTestId('owner-approval-error').waitFor();
      await expectFocus(page, 'owner-pin');
      await type(OWNER_PIN);
      await key('Enter');
      await page.getByTestId('line-discount-dialog').waitFor({ state: 'detached' });
      await expectFocusHome(page);
      expected.sherwani = inclusiveLine(sherwani.minor, 1, sherwani.taxBp, 2500);
      const sale = sum([expected.kurta, expected.sherwani, expected.dhoti]);
      await expect.poll(() => minorOf(page, 'cart-total')).toBe(sale.total);
    },
  },
  {
    name: 'parks the sale with F8 and resumes it with F9',
    run: async () => {
      const total = await minorOf(page, 'cart-total');
      await key('F8');
      // The park dialog takes an optional note; Enter parks.
      await page.getByTestId('park-dialog').waitFor();
      await type('Back after lunch');
      await key('Enter');
      await page.getByTestId('cart-empty').waitFor();
      await expectFocusHome(page);
      await key('F9');
      await page.getByTestId('parked-0').waitFor();
      expect(await page.getByTestId('parked-0').textContent()).toContain('Back after lunch');
      await key('Enter');
      await page.getByTestId('parked-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('cart-line-3').waitFor();
      expect(await minorOf(page, 'cart-total')).toBe(total);
      await expectFocusHome(page);
    },
  },
  {
    name: 'pays split between card and cash, and the next sale starts in the scan field',
    run: async () => {
      const sale = sum([expected.kurta, expected.sherwani, expected.dhoti]);
      const card = 500_000;
      const cash = 1_000_000;
      await key('F10');
      await page.getByTestId('payment-dialog').waitFor();
      expect(await minorOf(page, 'pay-total')).toBe(sale.total);
      await key('Control+a');
      await type('5000');
      await key('k');
      await key('Control+a');
      await type('10000');
      await key('c');
      await expect.poll(() => minorOf(page, 'pay-change')).toBe(card + cash - sale.total);
      await key('Enter');
      await page.getByTestId('receipt-dialog').waitFor();
      expect(await minorOf(page, 'receipt-total')).toBe(sale.total);
      expect(await minorOf(page, 'receipt-payment-card')).toBe(card);
      await key('Enter');
      await page.getByTestId('receipt-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('cart-empty').waitFor();
      await expectFocusHome(page);
    },
  },
  {
    name: 'opens the receipt from F5, goes back with Esc, and the keyboard still works',
    run: async () => {
      await key('F5');
      await page.getByTestId('recent-receipts').locator('.pick-item').first().waitFor();
      // The newest receipt is the first in the list (a search box above it is one Tab away).
      const newest = await page.locator('.pick-item').first().getAttribute('data-testid');
      await tabTo(page, newest ?? '');
      await key('Enter'); // the newest receipt
      await page.getByTestId('recent-receipts').getByTestId('receipt').waitFor();
      await key('Escape'); // back to the list
      await page
        .getByTestId('recent-receipts')
        .getByTestId('receipt')
        .waitFor({ state: 'detached' });
      await key('Escape'); // closes the dialog
      await page.getByTestId('recent-receipts').waitFor({ state: 'detached' });
      await expectFocusHome(page);
      // Typing goes into the scan field again.
      await type(dhoti.sku);
      await key('Enter');
      await page.getByTestId('cart-line-1').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'cashier-day.png') });
    },
  },
];

describe('a cashier day by keyboard alone (browser mode)', () => {
  beforeAll(async () => {
    till = await openKeyboardTill();
    page = till.page;
  }, 120_000);

  beforeEach((context) => {
    onTestFailed(async () => {
      const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(SHOTS, `failed-day-${name}.png`) });
    });
  });

  afterAll(async () => {
    expect(till?.pageErrors ?? []).toEqual([]);
    await till?.close();
  });

  for (const step of DAY) it(step.name, step.run, 60_000);
});
