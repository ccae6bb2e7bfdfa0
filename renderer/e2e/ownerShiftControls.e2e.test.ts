// Issue 12, the owner's controls around a shift, end to end in Chromium against the browser-mode
// host, by keyboard: a void asks for a reason and, above the void limit, the owner's PIN, and is on
// the Z report; a refund of a card-and-cash sale defaults to those tenders pro rata and asks one
// confirmation (Enter in Reason does not refund at once), then the form is fresh; a second user
// signing in during the cashier's shift is asked to join it or close it, and the Z report has a
// line per cashier; closing prints the Z; past Z reports are listed and reprint.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import type { ApiInput, ApiMethod } from '../../shared/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { CASHIER, CATALOG, OWNER_PIN, seedShop } from './e2eShop';
import { must } from './tillApi';

const SHOTS = fileURLToPath(new URL('../../build/output/screenshots/', import.meta.url));
const [kurta, sherwani] = CATALOG;

describe("the owner's controls around a shift (browser mode)", () => {
  let dataDir = '';
  let host: HostProcess;
  let browser: Browser;
  let page: Page;
  let shiftId = '';

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-owner-controls-'));
    host = await startHost(dataDir);
    await seedShop(host.origin, host.cookie);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    page.setDefaultTimeout(15_000);
    // Count print requests instead of opening the print dialog.
    await page.addInitScript(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls += 1;
      };
    });
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

  const key = (k: string) => page.keyboard.press(k);
  const type = (t: string) => page.keyboard.type(t);
  const printCalls = () =>
    page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
  const api = <M extends ApiMethod>(method: M, input: ApiInput<M>) =>
    must(host.origin, host.cookie, method, input);

  it('asks a reason and the owner PIN to void a large sale, and puts the void on the Z report', async () => {
    await openTillPage(page, host.session);
    await page.getByTestId(`login-user-${CASHIER.name}`).click();
    await type(CASHIER.pin);
    await key('Enter');
    await page.getByTestId('open-shift-dialog').waitFor();
    await type('0');
    await key('Enter');
    await page.getByTestId('no-shift').waitFor({ state: 'detached' });
    shiftId = (await api('shift-current', {}))!.id;

    await type(sherwani.sku); // 8,999.00: above the default void limit of 2,000.00
    await key('Enter');
    await page.getByTestId('cart-line-1').waitFor();
    await page.getByTestId('btn-void').click();
    await page.getByTestId('void-dialog').waitFor();
    // Nothing happened yet: the sale is still there.
    expect(await page.getByTestId('cart-line-1').count()).toBe(1);
    expect(await page.getByTestId('void-needs-owner').count()).toBe(1);
    await key('Enter'); // no reason
    await expect.poll(() => page.getByTestId('void-error').textContent()).toContain('why');
    await page.getByTestId('void-reason').focus();
    await type('customer changed mind');
    await key('Enter');
    await page.getByTestId('owner-approval').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'void-owner-approval.png') });
    await type(OWNER_PIN);
    await key('Enter');
    await page.getByTestId('void-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('cart-line-1').waitFor({ state: 'detached' });

    const x = await api('shift-z-report', { shiftId });
    expect([x.voidsCount, x.voidsTotal]).toEqual([1, sherwani.minor]);
  });

  it("defaults a refund to the sale's tenders pro rata and asks one confirmation", async () => {
    // A sale of two kurtas paid 1,598.00 by card and 1,000.00 in cash.
    const cart = await api('cart-open', {});
    await api('cart-add-item', { cartId: cart.id, code: kurta.sku, quantity: 2 });
    const sale = await api('cart-checkout', {
      cartId: cart.id,
      payments: [
        { tender: 'card', amount: 159_800 },
        { tender: 'cash', amount: 100_000 },
      ],
    });
    // Pro rata: card 1,598 / 2,598 of 1,299.00 = 799.00, cash the rest, 500.00.
    expect(sale.change).toBe(0);

    await key('F6');
    await page.getByTestId('returns-screen').waitFor();
    await page.getByTestId('return-receipt-input').focus();
    await type(sale.receiptNo);
    await key('Enter');
    await page.getByTestId('return-qty-1').fill('1');
    await page.getByTestId('return-reason').focus();
    await type('too small');
    await expect.poll(() => page.getByTestId('refund-tender-0').inputValue()).toBe('card');
    await expect.poll(() => page.getByTestId('refund-tender-1').inputValue()).toBe('cash');
    await key('Enter'); // in Reason: asks, does not refund
    await page.getByTestId('refund-confirm').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'refund-confirm.png') });
    expect(await page.getByTestId('refund-confirm-total').getAttribute('data-minor')).toBe(
      String(kurta.minor),
    );
    expect(await page.getByTestId('refund-confirm-card').getAttribute('data-minor')).toBe('79900');
    expect(await page.getByTestId('refund-confirm-cash').getAttribute('data-minor')).toBe('50000');
    const returnsBefore = (await api('sale-search', { query: '', limit: 50 })).filter(
      (s) => s.kind === 'return',
    ).length;
    expect(returnsBefore).toBe(0);
    await key('Enter');
    await page.getByTestId('refund-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('receipt-done').waitFor();
    const refund = (await api('sale-search', { query: '', limit: 50 })).find(
      (s) => s.kind === 'return',
    )!;
    const receipt = await api('sale-receipt', { eventId: refund.eventId });
    expect(receipt.payments.map((p) => [p.tender, p.amount])).toEqual([
      ['card', -79_900],
      ['cash', -50_000],
    ]);
    await page.getByTestId('receipt-done').click();
    // A fresh form for the next return.
    expect(await page.getByTestId('return-receipt-input').inputValue()).toBe('');
    expect(await page.getByTestId('return-lines').count()).toBe(0);
    expect(await page.getByTestId('return-reason').count()).toBe(0);
  });

  it('asks a second user to join the open shift, records who rang, and prints the Z with a line each', async () => {
    await page.getByTestId('nav-logout').click();
    await page.getByTestId('login-user-Owner').click();
    await type(OWNER_PIN);
    await key('Enter');
    await page.getByTestId('shift-handover').waitFor();
    expect(await page.getByTestId('shift-handover-owner').textContent()).toContain(CASHIER.name);
    await page.screenshot({ path: path.join(SHOTS, 'shift-handover.png') });
    await key('Enter'); // "Join Asha's shift" has the focus
    await page.getByTestId('shift-handover').waitFor({ state: 'detached' });
    const joined = await api('shift-current', {});
    expect(joined!.cashiers.map((c) => c.name)).toEqual([CASHIER.name, 'Owner']);

    const cart = await api('cart-open', {});
    await api('cart-add-item', { cartId: cart.id, code: kurta.sku });
    const ownerSale = await api('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: kurta.minor }],
    });
    expect(ownerSale.cashierName).toBe('Owner');

    await key('F7');
    await page.getByTestId('shift-screen').waitFor();
    const printsBefore = await printCalls();
    await page.getByTestId('shift-counted').fill('1799.00');
    await page.getByTestId('shift-counted').press('Enter');
    await page.getByTestId('z-report').waitFor();
    await expect.poll(printCalls).toBe(printsBefore + 1);
    const rows = page.getByTestId('z-by-cashier').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toBe(CASHIER.name);
    expect(await rows.nth(1).locator('th').textContent()).toBe('Owner');
    expect(await page.getByTestId('z-voidsCount').getAttribute('data-value')).toBe('1');
    await page.screenshot({ path: path.join(SHOTS, 'z-report-per-cashier.png') });
  });

  it('lists past Z reports and reprints one', async () => {
    await page.getByTestId(`past-z-row-${shiftId}`).waitFor();
    await page.getByTestId(`past-z-open-${shiftId}`).click();
    const list = page.getByTestId('past-z-reports');
    await list.getByTestId('z-report').waitFor();
    expect(await list.getByTestId('z-salesCount').getAttribute('data-value')).toBe('2');
    const before = await printCalls();
    await page.getByTestId('past-z-print').click();
    expect(await printCalls()).toBe(before + 1);
    await page.screenshot({ path: path.join(SHOTS, 'past-z-reports.png') });
  });

  it('lets the owner change the void limit on the Settings screen', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-void-limit').fill('100.00');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    expect((await api('settings-get', {})).voidApprovalLimit).toBe(10_000);
  });
});
