// The store facts every dashboard figure depends on: its currency, locale and time zone, and
// the local calendar derived from them (today's date and the UTC bounds of a local day).
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import {
  addDays,
  dateOfDayKey,
  dayKeyOf,
  isKnownTimeZone,
  localDateAt,
  localMidnightUtc,
  type LocalDate,
} from './timeZoneOffsets';

export interface StoreFacts {
  currency: string;
  locale: string;
  timeZone: string;
}

export const readStoreFacts = (db: Database.Database): StoreFacts => {
  const row = db
    .prepare('SELECT currency, locale, time_zone AS timeZone FROM settings WHERE id = 1')
    .get() as StoreFacts | undefined;
  if (!row)
    throw new AppFailure(
      'SETUP_REQUIRED',
      'The till is not set up yet, so there is nothing to report.',
    );
  if (!isKnownTimeZone(row.timeZone)) {
    throw new AppFailure(
      'STORAGE_ERROR',
      `The store's time zone "${row.timeZone}" is not known to this system.`,
    );
  }
  return row;
};

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const formatDay = (d: LocalDate): string => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
export const formatMonthKey = (monthKey: number): string =>
  `${Math.floor(monthKey / 100)}-${pad2(monthKey % 100)}`;
export const parseDay = (text: string): LocalDate => {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  return { year, month, day };
};
export const dayKeyOfText = (text: string): number => dayKeyOf(parseDay(text));
export const dayTextOfKey = (key: number): string => formatDay(dateOfDayKey(key));

/** The UTC bounds [start, end) of a local calendar day. */
export const localDayBounds = (
  timeZone: string,
  date: LocalDate,
): { start: number; end: number } => ({
  start: localMidnightUtc(timeZone, date),
  end: localMidnightUtc(timeZone, addDays(date, 1)),
});

export const todayIn = (timeZone: string, now: number): LocalDate => localDateAt(timeZone, now);
