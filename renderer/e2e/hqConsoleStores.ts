// The two stores the HQ console e2e test (hqConsole.e2e.test.ts) creates from the console, each
// with the till that joins it and the sales that till rings, and the sums the test checks the
// console's figures against.
import type { ClockedTill } from './clockedTill';
import { lineNet, type PlannedSale } from './closedLoopPlan';

export interface StoreSetup {
  name: string;
  code: string;
  region: string;
  city: string;
  tillName: string;
  till?: ClockedTill;
  sales: PlannedSale[];
}

export const STORES: StoreSetup[] = [
  {
    name: 'Indiranagar',
    code: 'BLR-1',
    region: 'South',
    city: 'Bengaluru',
    tillName: 'Front counter',
    sales: [],
  },
  {
    name: 'Pune Camp',
    code: 'PNQ-1',
    region: 'West',
    city: 'Pune',
    tillName: 'Camp till',
    sales: [],
  },
];

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Net sales of planned sales, in minor units. */
export const netOf = (sales: readonly PlannedSale[]) => sum(sales.map(lineNet));
/** The planned sales rung today (the live hour's). */
export const todayOf = (sales: readonly PlannedSale[]) => sales.filter((s) => s.at === null);
