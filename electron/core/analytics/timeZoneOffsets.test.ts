import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayKeyOf,
  isKnownTimeZone,
  localDateAt,
  localDayKeySql,
  localHourSql,
  localMidnightUtc,
  offsetAt,
  offsetSegments,
} from './timeZoneOffsets';

const H = 3_600_000;

describe('offsetSegments', () => {
  it('finds the two New York changes of 2025 to the minute', () => {
    const segs = offsetSegments('America/New_York', Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
    expect(segs).toEqual([
      { fromUtc: Date.UTC(2025, 0, 1), offsetMs: -5 * H },
      { fromUtc: Date.UTC(2025, 2, 9, 7), offsetMs: -4 * H },
      { fromUtc: Date.UTC(2025, 10, 2, 6), offsetMs: -5 * H },
    ]);
  });
  it('is a single segment for a zone without DST', () => {
    expect(offsetSegments('Asia/Kolkata', Date.UTC(2024, 0, 1), Date.UTC(2026, 0, 1))).toEqual([
      { fromUtc: Date.UTC(2024, 0, 1), offsetMs: 5.5 * H },
    ]);
  });
  it('knows unknown zones', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('local days in SQL', () => {
  const db = new Database(':memory:');
  const sqlDay = (tz: string, utc: number): { day: number; hour: number } => {
    const segs = offsetSegments(tz, utc - 40 * 24 * H, utc + 40 * 24 * H);
    return db
      .prepare(
        `SELECT ${localDayKeySql('t', segs)} AS day, ${localHourSql('t', segs)} AS hour FROM (SELECT ? AS t)`,
      )
      .get(utc) as { day: number; hour: number };
  };
  it('matches Intl on both sides of every 2025 change in Berlin and New York', () => {
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
      for (const seg of offsetSegments(tz, Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))) {
        for (const t of [
          seg.fromUtc - 1,
          seg.fromUtc,
          seg.fromUtc + 22 * H,
          seg.fromUtc - 23 * H,
        ]) {
          const expected = localDateAt(tz, t);
          const hour = Number(
            new Intl.DateTimeFormat('en-US', {
              timeZone: tz,
              hour: 'numeric',
              hourCycle: 'h23',
            }).format(new Date(t)),
          );
          expect(sqlDay(tz, t)).toEqual({ day: dayKeyOf(expected), hour });
        }
      }
    }
  });
});

describe('localMidnightUtc', () => {
  it('starts a normal day at local midnight', () => {
    expect(localMidnightUtc('Europe/Berlin', { year: 2025, month: 7, day: 1 })).toBe(
      Date.UTC(2025, 5, 30, 22),
    );
    expect(localMidnightUtc('America/New_York', { year: 2025, month: 3, day: 9 })).toBe(
      Date.UTC(2025, 2, 9, 5),
    );
    expect(localMidnightUtc('America/New_York', { year: 2025, month: 3, day: 10 })).toBe(
      Date.UTC(2025, 2, 10, 4),
    );
  });
  it('gives DST days their true length (23 h and 25 h)', () => {
    const tz = 'America/New_York';
    const len = (y: number, m: number, d: number): number => {
      const date = { year: y, month: m, day: d };
      return localMidnightUtc(tz, addDays(date, 1)) - localMidnightUtc(tz, date);
    };
    expect(len(2025, 3, 9)).toBe(23 * H);
    expect(len(2025, 11, 2)).toBe(25 * H);
    expect(len(2025, 6, 1)).toBe(24 * H);
  });
  it('starts a day whose midnight is skipped at the change (Santiago, September)', () => {
    const start = localMidnightUtc('America/Santiago', { year: 2025, month: 9, day: 7 });
    expect(localDateAt('America/Santiago', start)).toEqual({ year: 2025, month: 9, day: 7 });
    expect(localDateAt('America/Santiago', start - 1)).toEqual({ year: 2025, month: 9, day: 6 });
    expect(offsetAt('America/Santiago', start)).toBe(-3 * H);
  });
});
