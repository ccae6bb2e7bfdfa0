// Calendar periods of a grain over a day range, and the period before / a year before, as the
// string keys the summary uses (YYYY-MM-DD, YYYY-MM, YYYY).
import type { AnalyticsGrain } from '../../../shared/sync/analyticsApi';
import { addDays, addMonths, isValidDay } from '../../../shared/calendar';

export const periodOf = (day: string, grain: AnalyticsGrain): string =>
  grain === 'day' ? day : grain === 'month' ? day.slice(0, 7) : day.slice(0, 4);

export { addDays, isValidDay };

/** Every period of `grain` that intersects [from, to], in order. */
export const periodsBetween = (from: string, to: string, grain: AnalyticsGrain): string[] => {
  const out: string[] = [];
  for (let day = from; day <= to;) {
    const p = periodOf(day, grain);
    if (out[out.length - 1] !== p) out.push(p);
    day =
      grain === 'day'
        ? addDays(day, 1)
        : grain === 'month'
          ? `${addMonths(p, 1)}-01`
          : `${Number(p) + 1}-01-01`;
  }
  return out;
};

export const previousPeriod = (period: string, grain: AnalyticsGrain): string => {
  if (grain === 'day') return addDays(period, -1);
  if (grain === 'year') return String(Number(period) - 1);
  return addMonths(period, -1);
};

export const yearBefore = (period: string): string =>
  `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
