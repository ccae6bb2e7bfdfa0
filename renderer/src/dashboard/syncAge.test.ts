import { describe, expect, it } from 'vitest';
import { relativeAge, storeClockTime, syncHealth, SYNC_OVERDUE_MS } from './syncAge';

describe('till sync age', () => {
  it('says how long ago in the locale, in the largest whole unit', () => {
    expect(relativeAge(20_000, 'en-GB')).toBe('now');
    expect(relativeAge(-5_000, 'en-GB')).toBe('now');
    expect(relativeAge(4 * 60_000 + 59_000, 'en-GB')).toBe('4 min ago');
    expect(relativeAge(3 * 3_600_000, 'en-GB')).toBe('3 hr ago');
    expect(relativeAge(30 * 3_600_000, 'en-GB')).toBe('30 hr ago');
    expect(relativeAge(3 * 86_400_000, 'en-GB')).toBe('3 days ago');
    expect(relativeAge(4 * 60_000, 'de-DE')).toBe('vor 4 Min.');
    expect(relativeAge(3 * 60_000, 'en-GB', 'long')).toBe('3 minutes ago');
  });
  it("shows the absolute time on the store's clock", () => {
    const t = Date.UTC(2025, 2, 10, 23, 30);
    expect(storeClockTime(t, 'en-GB', 'Asia/Kolkata')).toBe('11 Mar 2025, 05:00');
    expect(storeClockTime(t, 'en-GB', 'Europe/London')).toBe('10 Mar 2025, 23:30');
    expect(storeClockTime(t, 'en-GB', 'Not/AZone')).toBe('10 Mar 2025, 23:30 UTC');
  });
  it('flags a till silent for longer than the threshold, and one that never synced', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(syncHealth({ lastPushAt: now - SYNC_OVERDUE_MS }, now)).toBe('ok');
    expect(syncHealth({ lastPushAt: now - SYNC_OVERDUE_MS - 1 }, now)).toBe('overdue');
    expect(syncHealth({ lastPushAt: null }, now)).toBe('never');
    expect(syncHealth({ lastPushAt: now - 120_000 }, now, 60_000)).toBe('overdue');
  });
});
