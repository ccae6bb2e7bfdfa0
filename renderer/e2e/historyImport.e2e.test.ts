// History import end to end in browser mode: the owner uploads a CSV of past sales in Chromium,
// checks it (bad rows reported with line numbers), imports it with a progress bar, and a second
// import of the same file adds nothing. Real host, real till core, real SQLite.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../build/test/launchChromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTillPage } from '../../build/test/tillLaunch';
import { startHost, type HostProcess } from './browserHostProcess';
import { must } from './tillApi';

const OWNER_PIN = '987654';
const CSV = [
  'Order No;Date;SKU;Qty;Price;Type',
  'B-1;31/03/2024 18:05;KUR-001;2;1299,00;order',
  'B-1;31/03/2024 18:05;SHR-002;1;8999,00;order',
  'B-2;01/04/2024 10:00;KUR-001;1;1299,00;order',
  'B-3;31/02/2024 10:00;KUR-001;1;1299,00;order',
  'B-4;02/04/2024 10:00;NOPE-9;1;10,00;order',
  'B-5;03/04/2024 11:00;KUR-001;1;1299,00;return',
].join('\r\n');

let host: HostProcess;
let dataDir = '';
let browser: Browser;
let page: Page;

const importOnce = async (): Promise<string> => {
  await page.getByTestId('history-file').setInputFiles({
    name: 'paper-book.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  await page.getByTestId('history-mapping').waitFor();
  await expect.poll(() => page.getByTestId('history-file-shape').textContent()).toContain('";"');
  await page.getByTestId('history-check').click();
  await page.locator('[data-testid="history-status"][data-phase="checked"]').waitFor();
  await page.getByTestId('history-commit').click();
  await page.locator('[data-testid="history-status"][data-phase="done"]').waitFor();
  return (await page.getByTestId('history-counts').textContent()) ?? '';
};

describe('history import in the browser', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-history-'));
    host = await startHost(dataDir);
    const { origin, cookie: token } = host;
    await must(origin, token, 'setup-init', {
      storeName: 'Paper Book Shop',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Owner',
      ownerPin: OWNER_PIN,
      demo: false,
    });
    const csv =
      'sku,name,price,category,tax_rate\nKUR-001,Cotton Kurta,1299.00,Kurtas,5\nSHR-002,Silk Sherwani,8999.00,Sherwanis,12';
    await must(origin, token, 'catalog-import-commit', { csv, kind: 'catalog' });
    await must(origin, token, 'auth-logout', {});
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('checks, imports, reports bad rows by line, and re-imports nothing', async () => {
    await openTillPage(page, host.session);
    await page.getByTestId('login-user-Owner').click();
    await page.keyboard.type(OWNER_PIN);
    await page.keyboard.press('Enter');
    await page.getByTestId('nav-history').click();

    const first = await importOnce();
    expect(first).toContain('2 sales added');
    expect(first).toContain('1 returns added');
    expect(first).toContain('0 already imported');
    const rows = await page.locator('[data-testid="history-errors"] tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^5Date.*not a calendar date/);
    expect(rows[1]).toMatch(/^6SKU.*Unknown product "NOPE-9"/);
    expect(await page.getByTestId('history-progress').getAttribute('value')).toBe('100');

    const second = await importOnce();
    expect(second).toContain('0 sales added');
    expect(second).toContain('3 already imported');
    const recent = await must(host.origin, host.cookie, 'sale-search', { query: '', limit: 10 });
    expect(recent.filter((s) => s.receiptNo.startsWith('H-'))).toHaveLength(3);
  });
});
