// Test kit for the keyboard-only e2e tests (issue 12): the real browser-mode host over the small
// e2e shop, Chromium, and helpers that drive and check the till with keys alone: which control has
// the focus, waiting for it to come home to the scan field, logging in by Tab and PIN.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { startHost, type HostProcess } from './browserHostProcess';
import { seedShop } from './e2eShop';

export const SHOTS = fileURLToPath(new URL('../../build/output/screenshots/', import.meta.url));

export interface KeyboardTill {
  host: HostProcess;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  close: () => Promise<void>;
}

export const openKeyboardTill = async (
  viewport = { width: 1366, height: 768 },
): Promise<KeyboardTill> => {
  await mkdir(SHOTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-keys-'));
  const host = await startHost(dataDir);
  await seedShop(host.origin, host.cookie);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(15_000);
  return {
    host,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** The data-testid of the focused element ('BODY' when the focus fell to the page). */
export const focused = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.getAttribute('data-testid') ?? el.tagName;
  });

export const expectFocus = (page: Page, testId: string): Promise<void> =>
  expect.poll(() => focused(page)).toBe(testId);

/** The scan field is the home position: every step of a sale ends with the focus there. */
export const expectFocusHome = (page: Page): Promise<void> => expectFocus(page, 'scan-field');

/** Presses Tab until `testId` has the focus (a few times at most). */
export const tabTo = async (page: Page, testId: string): Promise<void> => {
  for (let i = 0; i < 12 && (await focused(page)) !== testId; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(testId);
};

/** Tabs through the user tiles to `name`'s, then types the PIN and Enter. */
export const loginByKeys = async (page: Page, name: string, pin: string): Promise<void> => {
  await page.getByTestId('login-screen').waitFor();
  await page.locator('.user-tile').first().waitFor();
  await tabTo(page, `login-user-${name}`);
  await page.keyboard.press('Enter');
  await expectFocus(page, 'login-pin');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
};

export const minorOf = async (page: Page, testId: string): Promise<number> => {
  const value = await page.getByTestId(testId).getAttribute('data-minor');
  if (value === null) throw new Error(`${testId} has no data-minor`);
  return Number(value);
};
