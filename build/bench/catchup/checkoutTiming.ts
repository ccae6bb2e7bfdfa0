// What the catch-up bench times in Chromium: scan-to-line latency in the checkout, and the HQ
// view's render. Plus the small statistics it reports them with.
import type { Page } from 'playwright-core';
import { barcodeOf } from './queuedSalesFixture';

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
export const percentile = (values: readonly number[], p: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Scans products first..last into a new sale (lines 1..), then voids it, so every phase times the
 * same cart sizes. Timed in the page: from the Enter keydown on the scan field to the frame after
 * the new line is in the DOM (what the cashier sees).
 */
export const scanTimes = async (page: Page, first: number, last: number): Promise<number[]> => {
  const times: number[] = [];
  for (let n = first; n <= last; n++) {
    await page.getByTestId('scan-field').fill(barcodeOf(n));
    await sleep(60); // the field's search-as-you-type settles, as it does under a real scanner
    times.push(
      await page.evaluate(
        (line) =>
          // No named helpers in here: tsx would wrap them in __name, which the page lacks.
          new Promise<number>((resolve) => {
            const field = document.querySelector('[data-testid="scan-field"]')!;
            const selector = `[data-testid="cart-line-${line}"]`;
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (!document.querySelector(selector)) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            observer.observe(document.body, { childList: true, subtree: true });
            field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          }),
        n - first + 1,
      ),
    );
    await sleep(100); // a cashier's pace between scans
  }
  await page.getByTestId('btn-void').click();
  await page.getByTestId('void-reason').fill('bench');
  await page.getByTestId('void-reason').press('Enter');
  await page.getByTestId('cart-line-1').waitFor({ state: 'detached' });
  return times;
};

/** Today tab, then the HQ tab: ms from the click to every HQ chart drawn (next frame). */
export const hqRenderMs = async (page: Page): Promise<number> => {
  await page.getByTestId('dash-tab-today').click();
  await page.getByTestId('dashboard-today').waitFor();
  const t0 = performance.now();
  await page.getByTestId('dash-tab-hq').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="dashboard-hq"] canvas').length === 3,
    undefined,
    { polling: 'raf' },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return performance.now() - t0;
};
