// SQLite has no time zone database, so the store's local calendar is derived here: Intl gives
// the UTC offset of any instant, and a range of time is cut into segments of constant offset
// (a DST change starts a new segment). The segments become a SQL CASE expression, so grouping
// by local day or hour stays a single pass inside SQLite and is correct across DST changes.
import { addDays as addCalendarDays } from '../../../shared/calendar';

export interface OffsetSegment {
  /** First UTC instant (epoch ms, inclusive) the offset applies to. */
  fromUtc: number;
  /** Local time minus UTC, in ms. */
  offsetMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;
/** Zones change offset at most a few times a year; probing every 6 h cannot miss a change. */
const PROBE_STEP = 6 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** True when Intl knows the zone (settings may hold a stale or mistyped name). */
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** Local wall-clock minus UTC at `utcMs`, in ms (whole seconds; sub-second is irrelevant). */
export const offsetAt = (timeZone: string, utcMs: number): number => {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
};

/** The first instant in (lo, hi] whose offset differs from lo's, to the minute. */
const findChange = (timeZone: string, lo: number, hi: number): number => {
  const before = offsetAt(timeZone, lo);
  let a = lo;
  let b = hi;
  while (b - a > MINUTE) {
    const mid = a + Math.floor((b - a) / 2 / MINUTE) * MINUTE || a + MINUTE;
    if (offsetAt(timeZone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
};

/** Offset segments covering [startUtc, endUtc); the first segment starts at startUtc. */
export const offsetSegments = (
  timeZone: string,
  startUtc: number,
  endUtc: number,
): OffsetSegment[] => {
  const segments: OffsetSegment[] = [{ fromUtc: startUtc, offsetMs: offsetAt(timeZone, startUtc) }];
  let t = startUtc;
  while (t < endUtc) {
    const next = Math.min(t + PROBE_STEP, endUtc);
    const current = segments[segments.length - 1]!.offsetMs;
    if (offsetAt(timeZone, next) !== current) {
      const change = findChange(timeZone, t, next);
      segments.push({ fromUtc: change, offsetMs: offsetAt(timeZone, change) });
      t = change;
    } else {
      t = next;
    }
  }
  return segments;
};

/**
 * SQL for "`column` as local epoch ms" over the given segments. Only computed integers are
 * inlined (never user text), so the expression is safe to splice into a statement.
 */
export const localMsSql = (column: string, segments: readonly OffsetSegment[]): string => {
  if (segments.length === 0) return column;
  if (segments.length === 1) return `(${column} + ${segments[0]!.offsetMs})`;
  const branches = segments
    .slice(1)
    .map((s, i) => `WHEN ${column} < ${s.fromUtc} THEN ${segments[i]!.offsetMs}`)
    .join(' ');
  return `(${column} + CASE ${branches} ELSE ${segments[segments.length - 1]!.offsetMs} END)`;
};

/** SQL for the local day key YYYYMMDD (an integer) of a UTC epoch-ms column. */
export const localDayKeySql = (column: string, segments: readonly OffsetSegment[]): string =>
  `CAST(strftime('%Y%m%d', ${localMsSql(column, segments)} / 1000, 'unixepoch') AS INTEGER)`;

/** SQL for the local hour of day (0..23) of a UTC epoch-ms column. */
export const localHourSql = (column: string, segments: readonly OffsetSegment[]): string =>
  `CAST((${localMsSql(column, segments)} % ${DAY_MS}) / ${HOUR} AS INTEGER)`;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The local calendar date at `utcMs`. */
export const localDateAt = (timeZone: string, utcMs: number): LocalDate => {
  const d = new Date(utcMs + offsetAt(timeZone, utcMs));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/**
 * The UTC instant of local midnight starting the given date. A DST change at midnight can skip
 * it (the day starts at the change) or repeat it (the day starts at the first occurrence).
 */
export const localMidnightUtc = (timeZone: string, date: LocalDate): number => {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  // Each candidate offset gives an instant; it is real when the zone has that offset then.
  const candidates = [...new Set([before, after, offsetAt(timeZone, wall)])]
    .map((o) => wall - o)
    .filter((utc) => offsetAt(timeZone, utc) === wall - utc)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // Midnight does not exist: the day begins at the change that jumped over it.
  return findChange(
    timeZone,
    wall - Math.max(before, after) - HOUR,
    wall - Math.min(before, after) + HOUR,
  );
};

export const dayKeyOf = (d: LocalDate): number => d.year * 10_000 + d.month * 100 + d.day;
export const dateOfDayKey = (key: number): LocalDate => ({
  year: Math.floor(key / 10_000),
  month: Math.floor(key / 100) % 100,
  day: key % 100,
});

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local date `days` after `date` (shared/calendar's day arithmetic, on LocalDate). */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const day = addCalendarDays(`${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`, days);
  return {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    day: Number(day.slice(8, 10)),
  };
};
