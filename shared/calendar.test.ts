import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  isMonthEnd,
  isValidDay,
  lastDayOfMonth,
  localDayOf,
  sameDayYearEarlier,
} from './calendar';

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

  it('counts whole days across a DST change and a leap day', () => {
    // Europe's clocks go forward on 30 March 2025 and back on 26 October: still whole days.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-01-10', '2025-01-01')).toBe(-9);
  });

  it('adds days over a DST change on the store calendar', () => {
    // Local days around the spring-forward night in Berlin and the fall-back night in New York.
    const springForward = Date.UTC(2025, 2, 29, 23, 30); // 00:30 on 30 March in Berlin
    expect(addDays(localDayOf(springForward, 'Europe/Berlin'), 1)).toBe('2025-03-31');
    const fallBack = Date.UTC(2025, 10, 2, 5, 30); // 01:30 (second time) on 2 November in New York
    expect(addDays(localDayOf(fallBack, 'America/New_York'), -1)).toBe('2025-11-01');
  });

  it('knows the length and last day of a month, leap Februaries included', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('1900-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('2025-04')).toBe(30);
    expect(daysInMonth('2025-12')).toBe(31);
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-06')).toBe('2025-06-30');
  });

  it('adds months across years', () => {
    expect(addMonths('2025-06', -11)).toBe('2024-07');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-03', -27)).toBe('2022-12');
    expect(addMonths('2025-03', 0)).toBe('2025-03');
  });

  it('takes the same day a year earlier, 29 February as 28 February', () => {
    expect(sameDayYearEarlier('2025-03-31')).toBe('2024-03-31');
    expect(sameDayYearEarlier('2024-02-29')).toBe('2023-02-28');
    expect(sameDayYearEarlier('2025-02-28')).toBe('2024-02-28');
    expect(sameDayYearEarlier('2025-01-01')).toBe('2024-01-01');
  });
});
