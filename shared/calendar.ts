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
