// The till's stock-list row figures, built on the one KPI definition in stockKpis.ts: days of
// cover = on hand / average daily units over the last 28 days; refill when on hand is at or below
// the reorder level or the cover is shorter than the lead time.
import { averageDailyUnits, DAYS_OF_COVER_WINDOW, refillDecision } from './stockKpis';

export interface StockCoverInput {
  onHand: number;
  reorderLevel: number;
  leadTimeDays: number;
  /** Net units that left the shelf over the last 28 days (sales minus restocked returns). */
  unitsLast28Days: number;
}

export interface StockCover {
  avgDailyUnits28d: number;
  daysOfCover: number | null;
  needsRefill: boolean;
}

export const STOCK_COVER_WINDOW_DAYS = DAYS_OF_COVER_WINDOW;

export const stockCover = (input: StockCoverInput): StockCover => {
  const decision = refillDecision(input);
  return {
    avgDailyUnits28d: averageDailyUnits(input.unitsLast28Days),
    daysOfCover: decision.daysOfCover,
    needsRefill: decision.needsRefill,
  };
};
