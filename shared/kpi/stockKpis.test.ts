import { describe, expect, it } from 'vitest';
import { averageDailyUnits, daysOfCover, refillDecision } from './stockKpis';

describe('stock KPIs', () => {
  it('days of cover is on hand over the 28-day average', () => {
    expect(averageDailyUnits(56)).toBe(2);
    expect(daysOfCover(10, 2)).toBe(5);
    expect(daysOfCover(10, 0)).toBeNull();
    expect(daysOfCover(0, 2)).toBe(0);
    expect(daysOfCover(-3, 0)).toBe(0);
  });

  it('refills at or below the reorder level', () => {
    const d = refillDecision({ onHand: 5, reorderLevel: 5, leadTimeDays: 0, unitsLast28Days: 0 });
    expect(d).toEqual({
      daysOfCover: null,
      needsRefill: true,
      reasons: ['at_or_below_reorder_level'],
    });
  });

  it('refills when cover is shorter than the lead time', () => {
    const d = refillDecision({
      onHand: 20,
      reorderLevel: 5,
      leadTimeDays: 7,
      unitsLast28Days: 112,
    });
    expect(d.daysOfCover).toBe(5);
    expect(d.reasons).toEqual(['cover_below_lead_time']);
  });

  it('does not refill a well-stocked slow seller', () => {
    const d = refillDecision({ onHand: 50, reorderLevel: 5, leadTimeDays: 7, unitsLast28Days: 28 });
    expect(d).toEqual({ daysOfCover: 50, needsRefill: false, reasons: [] });
  });
});
