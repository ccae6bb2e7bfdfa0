import { describe, expect, it } from 'vitest';
import { isValidDay, periodsBetween, previousPeriod, yearBefore } from './periods';

describe('periods', () => {
  it('lists the periods a range touches', () => {
    expect(periodsBetween('2024-11-15', '2025-02-01', 'month')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(periodsBetween('2024-12-30', '2025-01-02', 'day')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(periodsBetween('2023-06-01', '2025-01-01', 'year')).toEqual(['2023', '2024', '2025']);
    expect(periodsBetween('2025-01-02', '2025-01-01', 'day')).toEqual([]);
  });

  it('steps back a period and a year', () => {
    expect(previousPeriod('2025-01', 'month')).toBe('2024-12');
    expect(previousPeriod('2024-03-01', 'day')).toBe('2024-02-29');
    expect(previousPeriod('2024', 'year')).toBe('2023');
    expect(yearBefore('2024-02-29')).toBe('2023-02-29');
    expect(yearBefore('2024-07')).toBe('2023-07');
  });

  it('validates calendar days', () => {
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2023-02-29')).toBe(false);
  });
});
