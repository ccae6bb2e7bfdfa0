// Calendar days as YYYY-MM-DD strings, the one place till, HQ and the renderer work them out
// (they were written about seven times). A day is a date on a store's calendar: `localDayOf`
// turns an instant into one in an IANA time zone; the rest is plain date arithmetic that never
// meets a time zone, done in UTC so no DST change can move it.

/** YYYY-MM-DD of the instant `ms` on the calendar of `timeZone` (undefined: the runtime's). */
export const localDayOf = (ms: number, timeZone?: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);

const parseDay = (day: string): Date => new Date(`${day}T00:00:00Z`);
const formatDay = (d: Date): string => d.toISOString().slice(0, 10);

/** True for a real calendar day written YYYY-MM-DD (2025-02-29 is not one). */
export const isValidDay = (day: string): boolean => {
  const d = parseDay(day);
  return !Number.isNaN(d.getTime()) && formatDay(d) === day;
};

/** The day `n` days after `day` (before, for a negative `n`). */
export const addDays = (day: string, n: number): string => {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDay(d);
};

/** True when `day` is the last day of its month. */
export const isMonthEnd = (day: string): boolean => addDays(day, 1).endsWith('-01');

/** Whole days from `from` to `to` (negative when `to` is earlier); DST never makes it fractional. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);

/** How many days the month `YYYY-MM` has (28 to 31). */
export const daysInMonth = (month: string): number => {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** The last day (YYYY-MM-DD) of the month `YYYY-MM`. */
export const lastDayOfMonth = (month: string): string =>
  `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;

/** The month (YYYY-MM) `n` months after `month` (before, for a negative `n`). */
export const addMonths = (month: string, n: number): string => {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
};

/** The same calendar date one year earlier; 29 February maps to 28 February. */
export const sameDayYearEarlier = (day: string): string => {
  const month = `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4, 7)}`;
  const d = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${String(d).padStart(2, '0')}`;
};
