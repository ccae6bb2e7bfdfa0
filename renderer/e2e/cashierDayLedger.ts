// What the keyboard-only cashier day (cashierDay.e2e.test.ts) rang, kept by its steps, and what
// the shift's Z report must therefore say, worked out here from those figures alone, plus how to
// read the Z lines off the page. The steps own the keystrokes; this file owns the arithmetic.
import type { Page } from 'playwright-core';
import { sum, type Figures } from './expectedFigures';

/** Filled in by the steps as they ring the day. */
export interface CashierDay {
  cashierIds: Map<string, string>;
  split: { receiptNo: string; card: number; cash: number; change: number; figures: Figures };
  voidsCount: number;
  voided: number;
  returned: { figures: Figures; card: number; cash: number };
  relief: { figures: Figures; cash: number; change: number };
  cashOut: number;
  counted: number;
}

export const newCashierDay = (): CashierDay => ({
  cashierIds: new Map(),
  split: { receiptNo: '', card: 0, cash: 0, change: 0, figures: sum([]) },
  voidsCount: 0,
  voided: 0,
  returned: { figures: sum([]), card: 0, cash: 0 },
  relief: { figures: sum([]), cash: 0, change: 0 },
  cashOut: 0,
  counted: 0,
});

/** Largest-remainder shares of `amount` in proportion to `weights` (the refund's pro-rata rule). */
export const shares = (amount: number, weights: readonly number[]): number[] => {
  const whole = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((amount * w) / whole));
  const order = weights
    .map((w, i) => ({ i, rest: (amount * w) % whole }))
    .sort((a, b) => b.rest - a.rest);
  let left = amount - parts.reduce((a, b) => a + b, 0);
  for (const { i } of order) if (left-- > 0) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
};

/** The drawer: float, cash kept from each sale, less the refund's cash and the cash taken out. */
export const drawerOf = (day: CashierDay, float: number) => {
  const cashTaken =
    day.split.cash - day.split.change + day.relief.cash - day.relief.change - day.returned.cash;
  return { cashTaken, expectedCash: float + cashTaken - day.cashOut };
};

/** Every Z report line (by its `z-<key>` test id) as the day's own figures give it. */
export const expectedZ = (day: CashierDay, float: number): Record<string, number> => {
  const sales = sum([day.split.figures, day.relief.figures]);
  const back = day.returned.figures;
  const { cashTaken, expectedCash } = drawerOf(day, float);
  return {
    openingFloat: float,
    salesCount: 2,
    returnsCount: 1,
    grossSales: sales.gross,
    discounts: sales.discount,
    // Returns at what they were sold for after their discount, negative (money going back).
    returnsTotal: -(back.gross - back.discount),
    tax: sales.tax - back.tax,
    netSales: sales.net - back.net,
    voidsCount: day.voidsCount,
    voidsTotal: day.voided,
    'tender-card': day.split.card - day.returned.card,
    'tender-cash': cashTaken,
    cashIn: 0,
    cashOut: day.cashOut,
    expectedCash,
    countedCash: day.counted,
    variance: day.counted - expectedCash,
  };
};

/** The Z lines shown for `keys`; a missing line fails rather than reading as 0. */
export const shownZ = async (page: Page, keys: readonly string[]) => {
  const shown: Record<string, number> = {};
  for (const key of keys) {
    const value = await page.getByTestId(`z-${key}`).getAttribute('data-value');
    if (value === null) throw new Error(`z-${key} has no data-value`);
    shown[key] = Number(value);
  }
  return shown;
};

/** A cashier's Z line: sales, returns and voids, each as `count:value`. */
export const zCashierLine = async (page: Page, cashierId: string | undefined) => {
  const cells = page.getByTestId(`z-cashier-${cashierId}`).locator('td');
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const cell = cells.nth(i);
    const count = ((await cell.textContent()) ?? '').split('·')[0]?.trim();
    out.push(`${count}:${await cell.getAttribute('data-value')}`);
  }
  return out;
};
