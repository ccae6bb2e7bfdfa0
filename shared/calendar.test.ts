import { describe, expect, it } from 'vitest';
import { addDays, isMonthEnd, isValidDay, localDayOf } from './calendar';

describe('calendar days', () => {
  it('takes the day of an instant on the store calendar, not UTC', () => {
    const ms = Date.UTC(2025, 2, 31, 20, 0); // 31 March 20:00 UTC
    expect(localDayOf(ms, 'UTC')).toBe('2025-03-31');
    expect(localDayOf(ms, 'Asia/Kolkata')).toBe('2025-04-01');
    expect(localDayOf(ms, 'America/Los_Angeles')).toBe('2025-03-31');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-30', -34)).toBe('2025-02-24');
  });

  it('knows month ends and real days', () => {
    expect(isMonthEnd('2024-02-29')).toBe(true);
    expect(isMonthEnd('2025-02-28')).toBe(true);
    expect(isMonthEnd('2025-04-30')).toBe(true);
    expect(isMonthEnd('2025-04-29')).toBe(false);
    expect(isValidDay('2025-02-29')).toBe(false);
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2024-13-01')).toBe(false);
  });
});
