// Stock KPIs of the design brief: stock on hand is Σ stock moves; days of cover is on hand over the
// average daily units of the last 28 days; a product needs refilling when on hand is at or below
// its reorder level, or when its days of cover are below its lead time.

export const DAYS_OF_COVER_WINDOW = 28;

/** Average units sold per day over the window (returns net off; never below zero). */
export const averageDailyUnits = (
  unitsInWindow: number,
  windowDays: number = DAYS_OF_COVER_WINDOW,
): number => (windowDays <= 0 ? 0 : Math.max(0, unitsInWindow) / windowDays);

/**
 * on hand / average daily units. Null when nothing sold in the window (cover is unbounded);
 * 0 when nothing is on hand.
 */
export const daysOfCover = (onHand: number, avgDailyUnits: number): number | null => {
  if (onHand <= 0) return 0;
  if (avgDailyUnits <= 0) return null;
  return onHand / avgDailyUnits;
};

/** A product's stock level and its refill inputs: the columns the till's and HQ's stock lists share. */
export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  category: string;
  onHand: number;
  reorderLevel: number;
  leadTimeDays: number;
}

export type RefillReason = 'at_or_below_reorder_level' | 'cover_below_lead_time';

export interface RefillInput {
  onHand: number;
  reorderLevel: number;
  leadTimeDays: number;
  /** Units sold over the last DAYS_OF_COVER_WINDOW days. */
  unitsLast28Days: number;
}

export interface RefillDecision {
  daysOfCover: number | null;
  needsRefill: boolean;
  reasons: RefillReason[];
}

export const refillDecision = (input: RefillInput): RefillDecision => {
  const cover = daysOfCover(input.onHand, averageDailyUnits(input.unitsLast28Days));
  const reasons: RefillReason[] = [];
  if (input.onHand <= input.reorderLevel) reasons.push('at_or_below_reorder_level');
  if (cover !== null && cover < input.leadTimeDays) reasons.push('cover_below_lead_time');
  return { daysOfCover: cover, needsRefill: reasons.length > 0, reasons };
};
