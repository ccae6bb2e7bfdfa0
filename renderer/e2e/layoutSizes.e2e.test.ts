// Issue 12, layout: the till at the three screens it is used on (1366×768 and 1024×768 counters,
// an 820×1180 tablet), measured in the DOM of the real built renderer in Chromium. At each size no
// amount of money wraps or is clipped, every menu item is whole and visible, the page does not
// scroll sideways, and negative amounts all use one sign. The cart keeps the selected line in view,
// so F2/F3 act on a line the cashier can see. Screenshots of every screen and size are saved.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { CATALOG, OWNER_PIN, seedShop } from './e2eShop';
import { hyphenNegatives, layoutProblems, pageFitsWidth, visibleInScroller } from './layoutKit';
import { must } from './tillApi';

const SHOTS = fileURLToPath(new URL('../../build/output/screenshots/', import.meta.url));
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 820, height: 1180 },
] as const;
const [kurta, sherwani, , jacket] = [CATALOG[0], CATALOG[1], CATALOG[2], CATALOG[3]];
/** Small items, enough lines that the cart must scroll at 1024×768. */
const EXTRAS = Array.from({ length: 10 }, (_, i) => ({
  sku: `HKY-${String(i + 1).padStart(2, '0')}`,
  name: `Pocket Square No ${i + 1}`,
  price: '149.00',
  barcode: `89012345671${String(i).padStart(2, '0')}`,
}));
const MENU = '.navbar .nav-item';

describe('the till at 1366×768, 1024×768 and 820×1180', () => {
  let dataDir = '';
  let host: HostProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let saleReceiptNo = '';
  const key = (k: string) => page.keyboard.press(k);
  const type = (t: string) => page.keyboard.type(t);
  const selectedInView = () => visibleInScroller(page, 'tr.cart-selected', '.cart-scroll');

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-layout-'));
    host = await startHost(dataDir);
    await seedShop(host.origin, host.cookie);
    // More products, a shift, and a sale with a return in it, so the shift's report carries a
    // negative returns total and today's net sales on the dashboard are over a lakh. It leaves
    // the 12 sherwanis and the jacket the cart below needs in stock.
    const owner = (await must(host.origin, host.cookie, 'users-list', {})).find(
      (u) => u.role === 'owner',
    );
    await must(host.origin, host.cookie, 'auth-login', { userId: owner!.id, pin: OWNER_PIN });
    const csv = [
      'sku,name,price,category,tax_rate,barcodes',
      ...EXTRAS.map((p) => `${p.sku},${p.name},${p.price},Accessories,5,${p.barcode}`),
    ].join('\n');
    await must(host.origin, host.cookie, 'catalog-import-commit', { csv, kind: 'catalog' });
    await must(host.origin, host.cookie, 'shift-open', { openingFloat: 200_000 });
    const cart = await must(host.origin, host.cookie, 'cart-open', {});
    await must(host.origin, host.cookie, 'cart-add-item', {
      cartId: cart.id,
      code: sherwani.sku,
      quantity: 8,
    });
    await must(host.origin, host.cookie, 'cart-add-item', {
      cartId: cart.id,
      code: jacket.sku,
      quantity: 19,
    });
    const priced = await must(host.origin, host.cookie, 'cart-add-item', {
      cartId: cart.id,
      code: kurta.sku,
      quantity: 10,
    });
    expect(priced.totals.net - sherwani.minor).toBeGreaterThan(100_000_00);
    const sale = await must(host.origin, host.cookie, 'cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: priced.totals.total }],
    });
    saleReceiptNo = sale.receiptNo;
    await must(host.origin, host.cookie, 'return-create', {
      originalEventId: sale.eventId,
      lines: [{ originalLineNo: 1, quantity: 1 }],
      refunds: [{ tender: 'cash', amount: sherwani.minor }],
      restock: true,
      reason: 'wrong size',
    });
    await must(host.origin, host.cookie, 'auth-logout', {});

    browser = await launchChromium();
    page = await browser.newPage({ viewport: SIZES[1] });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the new and the selected cart line in view at 1024×768', async () => {
    await openTillPage(page, host.session);
    await page.getByTestId('login-user-Owner').click();
    await type(OWNER_PIN);
    await key('Enter');
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('scan-field').waitFor();
    await page.getByTestId('scan-field').focus();

    // Lines found out of view are collected and asserted at the end, so the cart is whole for the
    // layout tests below even when this one fails.
    const notInView: string[] = [];
    const checkInView = async (what: string) => {
      const seen = await expect
        .poll(selectedInView, { timeout: 3_000 })
        .toBe(true)
        .then(
          () => true,
          () => false,
        );
      if (!seen) notInView.push(what);
    };

    // Each scanned line is selected and scrolled into view as it is added.
    for (const [i, p] of EXTRAS.entries()) {
      await type(p.barcode);
      await key('Enter');
      await page.locator(`tr.cart-selected[data-testid="cart-line-${i + 1}"]`).waitFor();
      await checkInView(`new line ${i + 1}`);
    }
    // Two big lines: eleven sherwanis and two jackets take the sale past a lakh.
    await type(sherwani.barcode);
    await key('Enter');
    await page.locator('tr.cart-selected[data-testid="cart-line-11"]').waitFor();
    await key('F2');
    await page.getByTestId('quantity-dialog').waitFor();
    await type('11');
    await key('Enter');
    await expect.poll(() => page.getByTestId('cart-line-qty-11').textContent()).toBe('11');
    await type(jacket.barcode);
    await key('Enter');
    await page.locator('tr.cart-selected[data-testid="cart-line-12"]').waitFor();
    await checkInView('new line 12');

    // The cart scrolled to the bottom: walking back up to line 1 brings each line into view.
    for (let lineNo = 11; lineNo >= 1; lineNo -= 1) {
      await key('ArrowUp');
      await page.locator(`tr.cart-selected[data-testid="cart-line-${lineNo}"]`).waitFor();
      await checkInView(`line ${lineNo} selected by ArrowUp`);
    }
    // ...and down again to the jackets, where F3 gives a discount on the line in view.
    for (let lineNo = 2; lineNo <= 12; lineNo += 1) await key('ArrowDown');
    await page.locator('tr.cart-selected[data-testid="cart-line-12"]').waitFor();
    await checkInView('line 12 selected by ArrowDown');
    await key('F3');
    await page.getByTestId('line-discount-dialog').waitFor();
    await type('5%');
    await key('Enter');
    await page.getByTestId('line-discount-dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('cart-line-discount-12').textContent())
      .toContain('\u2212₹');
    // The total stays over a lakh: the widest amount the totals panel must hold.
    const total = Number(await page.getByTestId('cart-total').getAttribute('data-minor'));
    expect(total).toBeGreaterThan(100_000_00);
    expect(notInView).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  for (const size of SIZES) {
    const tag = `${size.width}x${size.height}`;
    it(`fits every amount and menu item at ${tag}`, async () => {
      await page.setViewportSize(size);
      const problems: string[] = [];
      const inspect = async (screen: string, scope: string) => {
        // Layout settles a frame after a resize or a navigation.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        await page.screenshot({ path: path.join(SHOTS, `layout-${tag}-${screen}.png`) });
        for (const p of await layoutProblems(page, { scope, symbol: '₹', menuItems: MENU }))
          problems.push(`${screen}: ${p.kind} "${p.text}" ${p.why}`);
        for (const t of await hyphenNegatives(page, scope, '₹'))
          problems.push(`${screen}: "${t}" is negative with a hyphen, not the minus sign`);
        if (!(await pageFitsWidth(page))) problems.push(`${screen}: the page scrolls sideways`);
      };

      // The sale, with its total over a lakh, a discount and the totals panel.
      await page.getByTestId('nav-checkout').click();
      await page.getByTestId('cart-line-12').waitFor();
      await expect.poll(() => page.getByTestId('cart-total').textContent()).toContain('₹');
      await inspect('sale', 'main');
      if (!(await selectedInView())) problems.push('sale: the selected line is out of view');

      // Paying that total: the payment dialog's figures.
      await key('F10');
      await page.getByTestId('payment-dialog').waitFor();
      await inspect('payment', '[data-testid="payment-dialog"]');
      await key('Escape');
      await page.getByTestId('payment-dialog').waitFor({ state: 'detached' });

      // A return against the big sale: its lines and the refund.
      await key('F6');
      await page.getByTestId('return-receipt-input').fill(saleReceiptNo);
      await page.getByTestId('return-lookup').click();
      await page.getByTestId('return-lines').waitFor();
      await inspect('returns', 'main');

      // The shift with its X report: a negative returns total.
      await key('F7');
      await page.getByTestId('shift-x-report').click();
      await page.getByTestId('z-report').waitFor();
      await inspect('shift', 'main');

      // The dashboard's cards of money.
      await page.getByTestId('nav-dashboard').click();
      await page.getByTestId('today-kpis').waitFor();
      await expect.poll(() => page.getByTestId('today-kpis').textContent()).toContain('₹');
      await inspect('dashboard', '[data-testid="today-kpis"]');

      expect(problems).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }
});
