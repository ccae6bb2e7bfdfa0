// Dates of past sales as written in shop spreadsheets, in the format the owner picked. A time
// without an explicit offset is the store's local wall-clock time; DST is resolved through Intl.
import type { HistoryDateFormat } from '../../../shared/api/historyImport';
import { offsetAt } from '../analytics/timeZoneOffsets';

export type DateCell = { ok: true; at: number } | { ok: false; reason: string };

const EXAMPLES: Record<HistoryDateFormat, string> = {
  iso: '2024-03-31T18:05:00+05:30 or 2024-03-31T18:05',
  'ymd-hm': '2024-03-31 18:05',
  dmy: '31/03/2024 or 31/03/2024 18:05',
  mdy: '03/31/2024 or 03/31/2024 18:05',
};

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?`;
const PATTERNS: Record<HistoryDateFormat, RegExp> = {
  iso: new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}(Z|[+-]\d{2}:?\d{2})?$`),
  'ymd-hm': new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2})(?::(\d{2}))?()$`),
  dmy: new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}()$`),
  mdy: new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}()$`),
};

/** The UTC instant of a local wall-clock time in `timeZone` (the earlier one when it repeats). */
export const localWallToUtc = (timeZone: string, wall: number): number => {
  const first = wall - offsetAt(timeZone, wall);
  const second = wall - offsetAt(timeZone, first);
  return Math.min(first, second);
};

const offsetMs = (text: string): number => {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text)!;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === '-' ? -ms : ms;
};

export const parseHistoryDate = (
  text: string,
  format: HistoryDateFormat,
  timeZone: string,
): DateCell => {
  const m = PATTERNS[format].exec(text.trim());
  if (!m) return { ok: false, reason: `"${text}" is not a date like ${EXAMPLES[format]}.` };
  const n = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day] =
    format === 'dmy'
      ? [n(3), n(2), n(1)]
      : format === 'mdy'
        ? [n(3), n(1), n(2)]
        : [n(1), n(2), n(3)];
  const [hour, minute, second] = [n(4), n(5), n(6)];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    month < 1 ||
    month > 12 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return { ok: false, reason: `"${text}" is not a calendar date (read as ${format}).` };
  }
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `"${text}" has a time of day that does not exist.` };
  if (year < 2000 || year > 2099)
    return { ok: false, reason: `"${text}" is outside the years 2000 to 2099.` };
  const zone = m[7];
  const at = zone ? wall - offsetMs(zone) : localWallToUtc(timeZone, wall);
  return { ok: true, at };
};
