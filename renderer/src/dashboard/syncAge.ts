// How long ago HQ last heard from a till, for the HQ view: a relative age ("4 min ago") in the
// viewer's locale, the absolute time on the store's own clock, and whether it is overdue.
import type { TillSyncRow } from '../../../shared/sync/analyticsApi';

/** A till silent for longer than this is flagged: its sales may be piling up unsent. */
export const SYNC_OVERDUE_MS = 15 * 60_000;

export type SyncHealth = 'ok' | 'overdue' | 'never';

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "just now", "4 min ago", "3 hr ago", "2 days ago" (short style of the locale); the HQ console
 * asks for the long style ("3 minutes ago").
 */
export const relativeAge = (
  ageMs: number,
  locale: string,
  style: Intl.RelativeTimeFormatStyle = 'short',
): string => {
  const rtf = new Intl.RelativeTimeFormat(locale, { style, numeric: 'auto' });
  const age = Math.max(0, ageMs);
  // Days only from two on: "yesterday" for 25 hours reads wrong for a sync age.
  for (const [unit, size] of UNITS) {
    const threshold = unit === 'day' ? 2 * size : size;
    if (age >= threshold) return rtf.format(-Math.floor(age / size), unit);
  }
  return rtf.format(0, 'second');
};

/** The moment on the store's wall clock, with the zone's short name. */
export const storeClockTime = (ms: number, locale: string, timeZone: string): string => {
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(ms);
  } catch {
    // A zone name this browser does not know: UTC, said so, rather than a wrong local time.
    return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ms)} UTC`;
  }
};

export const syncHealth = (
  row: Pick<TillSyncRow, 'lastPushAt'>,
  now: number,
  overdueMs = SYNC_OVERDUE_MS,
): SyncHealth => {
  if (row.lastPushAt === null) return 'never';
  return now - row.lastPushAt > overdueMs ? 'overdue' : 'ok';
};
