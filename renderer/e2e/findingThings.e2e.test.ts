// Issue 12, "finding things", in Chromium against the real browser-mode host and till core:
// Products and Stock find a product by its barcode; the catalog CSV chosen again after fixing it
// is read again, its valid rows import while a bad row is reported, and columns absent from the
// file keep their values; the F5 receipt list searches by item, sequence number and any case.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { CASHIER, CATALOG, OWNER_PIN, seedShop } from './e2eShop';
import { must, productByCode } from './tillApi';

const [kurta, , dhoti] = [CATALOG[0], CATALOG[1], CATALOG[2]];

let host: HostProcess;
let dataDir = '';
let browser: Browser;
let page: Page;
const receipts: { kurta: string; dhoti: string } = { kurta: '', dhoti: '' };

const rowTexts = (testId: string) =>
  page.locator(`[data-testid="${testId}"] tbody tr`).allTextContents();

describe('finding things (browser mode)', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-finding-'));
    host = await startHost(dataDir);
    const { origin, cookie } = host;
    await seedShop(origin, cookie);
    const users = await must(origin, cookie, 'users-list', {});
    const owner = users.find((u) => u.role === 'owner')!;
    const cashier = users.find((u) => u.name === CASHIER.name)!;
    // The kurta gets a sub-category, a reorder level and a lead time the later CSV does not carry.
    await must(origin, cookie, 'auth-login', { userId: owner.id, pin: OWNER_PIN });
    await must(origin, cookie, 'catalog-import-commit', {
      csv: `sku,name,price,sub_category,reorder_level,lead_time_days\n${kurta.sku},${kurta.name},${kurta.price},Cotton Kurta,8,21`,
      kind: 'catalog',
    });
    await must(origin, cookie, 'auth-logout', {});
    // Two sales to look up later.
    await must(origin, cookie, 'auth-login', { userId: cashier.id, pin: CASHIER.pin });
    await must(origin, cookie, 'shift-open', { openingFloat: 0 });
    for (const p of [kurta, dhoti] as const) {
      const cart = await must(origin, cookie, 'cart-open', {});
      await must(origin, cookie, 'cart-add-item', { cartId: cart.id, code: p.sku });
      const r = await must(origin, cookie, 'cart-checkout', {
        cartId: cart.id,
        payments: [{ tender: 'card', amount: p.minor }],
      });
      receipts[p === kurta ? 'kurta' : 'dhoti'] = r.receiptNo;
    }
    await must(origin, cookie, 'auth-logout', {});

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
    await openTillPage(page, host.session);
    await page.getByTestId('login-user-Owner').click();
    await page.keyboard.type(OWNER_PIN);
    await page.keyboard.press('Enter');
    // The cashier's shift is open: the owner is asked to join it, and puts that off.
    await page.getByTestId('shift-handover-not-now').click();
    await page.getByTestId('nav-products').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('Products and Stock find a product by its exact barcode', async () => {
    await page.getByTestId('nav-products').click();
    await page.getByLabel('Search products').fill(dhoti.barcode);
    await expect.poll(() => rowTexts('products-table')).toHaveLength(1);
    expect((await rowTexts('products-table'))[0]).toContain(dhoti.name);

    await page.getByTestId('nav-stock').click();
    await page.getByLabel('Search stock').fill(dhoti.barcode);
    await expect.poll(() => rowTexts('stock-table')).toHaveLength(1);
    expect((await rowTexts('stock-table'))[0]).toContain(dhoti.sku);
  });

  it('reads a re-chosen CSV again, imports the valid rows, reports the bad one, keeps absent columns', async () => {
    await page.getByTestId('nav-products').click();
    const choose = (text: string) =>
      page.getByLabel('CSV file').setInputFiles({
        name: 'catalog.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      });
    const header = 'sku,name,barcodes,category,price,tax_rate';
    const kurtaRow = `${kurta.sku},${kurta.name},${kurta.barcode},Menswear,1399.00,5`;
    await choose(`${header}\n${kurtaRow}\nNEW-1,New Turban,,Menswear,abc,5`);
    await expect.poll(() => page.getByTestId('csv-text').inputValue()).toContain('abc');
    // A browser fires no change event for the file the input already holds (Playwright always
    // does): the input must be empty again after the read, or the same name is not read again.
    expect(await page.getByLabel('CSV file').inputValue()).toBe('');
    // Fixed in the editor and chosen again under the same name: the new text must be read.
    const fixed = `${header}\n${kurtaRow}\nNEW-1,New Turban,,Menswear,650.00,5\nNEW-2,Bad Stole,,Menswear,12.345,5`;
    await choose(fixed);
    await expect.poll(() => page.getByTestId('csv-text').inputValue()).toBe(fixed);

    await page.getByTestId('csv-preview').click();
    await page.getByTestId('csv-preview-result').waitFor();
    const changes = await rowTexts('csv-changes');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain('unitPrice');
    expect(changes[0]).toContain('1,299.00');
    expect(changes[0]).toContain('1,399.00');
    expect((await rowTexts('csv-errors')).join(' ')).toContain('4');

    const commit = page.getByTestId('csv-commit');
    expect(await commit.isDisabled()).toBe(false);
    await commit.click();
    await page.getByTestId('csv-imported').waitFor();
    expect(await page.getByTestId('csv-imported').textContent()).toContain('1 rows with errors');
    const skipped = await rowTexts('csv-skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^4price/);

    const { origin, cookie } = host;
    const k = await productByCode(origin, cookie, kurta.sku);
    expect(k).toMatchObject({
      unitPrice: 1_399_00,
      subCategory: 'Cotton Kurta',
      reorderLevel: 8,
      leadTimeDays: 21,
    });
    expect((await productByCode(origin, cookie, 'NEW-1'))?.unitPrice).toBe(650_00);
    expect(await productByCode(origin, cookie, 'NEW-2')).toBeNull();
  });

  it('F5 searches receipts by item, sequence number and any case; Enter opens the first', async () => {
    await page.getByTestId('nav-checkout').click();
    await page.keyboard.press('F5');
    const search = page.getByTestId('recent-search');
    await search.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('recent-search');
    const listed = () => page.locator('[data-testid="recent-list"] button').allTextContents();
    await expect.poll(listed).toHaveLength(2);

    await page.keyboard.type('dhoti');
    await expect.poll(listed).toHaveLength(1);
    expect((await listed())[0]).toContain(receipts.dhoti);

    const seq = String(Number(receipts.kurta.split('-').at(-1)));
    await search.fill(seq);
    await expect.poll(async () => (await listed())[0]).toContain(receipts.kurta);

    await search.fill(receipts.dhoti.toLowerCase());
    await expect.poll(async () => (await listed())[0]).toContain(receipts.dhoti);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('receipt-no').textContent()).toBe(receipts.dhoti);
  });
});
