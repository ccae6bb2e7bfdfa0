import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api';
import {
  connectionWords,
  lastPushWords,
  rejectionAdvice,
  stripWords,
  waitingWords,
} from './syncWords';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const base: SyncStatus = {
  enrolled: true,
  hqUrl: 'https://hq.example.com',
  storeId: 's1',
  tillId: 't1',
  storeName: 'Pune Camp',
  storeCity: 'Pune',
  enrolledAt: NOW - 3_600_000,
  running: true,
  online: true,
  needsReenrolment: false,
  pending: 0,
  lastSyncAt: NOW - 2 * 60_000,
  lastError: null,
  nextRetryAt: null,
  catalogSyncedAt: null,
  analyticsFetchedAt: null,
  rejected: [],
};

describe('sync status in words', () => {
  it('says when HQ last took the sales', () => {
    expect(lastPushWords(NOW - 2 * 60_000, NOW, 'en')).toBe('2 minutes ago');
    expect(lastPushWords(NOW - 10_000, NOW, 'en')).toBe('just now');
    expect(lastPushWords(NOW - 3 * 3_600_000, NOW, 'en')).toBe('3 hours ago');
    expect(lastPushWords(null, NOW, 'en')).toBe('never');
  });
  it('counts what waits', () => {
    expect(waitingWords(0)).toMatch(/nothing waiting/);
    expect(waitingWords(1)).toBe('1 event waiting to be sent');
    expect(waitingWords(7)).toBe('7 events waiting to be sent');
  });
  it('says HQ disconnected the till, on the screen and in the strip', () => {
    const revoked = { ...base, needsReenrolment: true, running: false, pending: 3 };
    expect(connectionWords(revoked, NOW)).toBe('HQ disconnected this till.');
    expect(stripWords({ ...revoked, rejected: 0 })).toBe(
      'HQ disconnected this till · still selling offline · 3 waiting for a new code',
    );
    expect(stripWords({ ...base, enrolled: false, rejected: 0, pending: 8 })).toBe(
      'Not connected to HQ · 8 events kept on this till',
    );
    // Sales are counted as sales, not as every event the till keeps (issue 12).
    expect(stripWords({ ...base, enrolled: false, rejected: 0, pending: 8, pendingSales: 1 })).toBe(
      'Not connected to HQ · 1 sale kept on this till (8 records in all)',
    );
    expect(stripWords({ ...base, rejected: 2, pending: 1 })).toBe(
      'HQ online · 1 waiting to send · 2 rejected',
    );
    expect(connectionWords({ ...base, online: false, nextRetryAt: NOW + 4_200 }, NOW)).toMatch(
      /cannot be reached.*5 s/,
    );
  });
});

describe('rejectionAdvice', () => {
  it('tells the owner to fix the clock for an event from the future, and nothing for others', () => {
    expect(rejectionAdvice('EVENT_FROM_FUTURE')).toMatch(/clock/);
    expect(rejectionAdvice('INVALID_EVENT')).toBeNull();
  });
});
