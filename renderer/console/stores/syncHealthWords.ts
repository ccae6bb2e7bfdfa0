// Sync health in words for the stores and tills lists: "3 minutes ago" (the dashboard's
// relativeAge, long style), measured on HQ's clock, and whether the till or store is overdue.
import { TILL_OVERDUE_MS, type StoreHealth } from '../../../shared/console/consoleApi';
import { relativeAge } from '../../src/dashboard/syncAge';

export const pushAgeWords = (lastPushAt: number | null, now: number, locale: string): string =>
  lastPushAt === null ? 'never' : relativeAge(now - lastPushAt, locale, 'long');

export type HealthFlag = 'ok' | 'overdue' | 'never' | 'no-tills';

/** A store is overdue when any of its active tills is (HQ counts them). */
export const storeHealthFlag = (h: StoreHealth): HealthFlag => {
  if (h.activeTills === 0) return 'no-tills';
  if (h.overdueTills > 0) return 'overdue';
  return h.lastPushAt === null ? 'never' : 'ok';
};

export const HEALTH_WORDS: Record<HealthFlag, string> = {
  ok: 'OK',
  overdue: 'Overdue',
  never: 'Never pushed',
  'no-tills': 'No active tills',
};

/** Overdue per the contract, for a till whose answer predates the flag's last refresh. */
export const isOverdue = (lastPushAt: number | null, now: number): boolean =>
  lastPushAt !== null && now - lastPushAt > TILL_OVERDUE_MS;
