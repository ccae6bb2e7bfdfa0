// The till's sync state in words for the Connect-to-HQ screen and the status strip: when HQ last
// took this till's sales, what waits, and, when HQ disconnected the till, what that means for the
// shop (it keeps selling; sales wait until it is connected again with a new code).
import type { SyncStatus } from '../../../shared/api';
import { relativeAge } from '../dashboard/syncAge';

export const REVOKED_HEADLINE = 'HQ disconnected this till.';
export const REVOKED_TEXT =
  'The till keeps selling offline; its sales wait in the queue here until it is connected again with a new code from HQ.';

/** "2 minutes ago", "just now", or "never" (long style: read in a sentence, not a table). */
export const lastPushWords = (lastSyncAt: number | null, now: number, locale: string): string => {
  if (lastSyncAt === null) return 'never';
  const age = Math.max(0, now - lastSyncAt);
  if (age < 60_000) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale, { style: 'long', numeric: 'auto' });
  if (age < 3_600_000) return rtf.format(-Math.floor(age / 60_000), 'minute');
  if (age < 2 * 86_400_000) return rtf.format(-Math.floor(age / 3_600_000), 'hour');
  return relativeAge(age, locale);
};

export const waitingWords = (pending: number): string =>
  pending === 0
    ? 'nothing waiting: HQ has every sale'
    : pending === 1
      ? '1 event waiting to be sent'
      : `${pending} events waiting to be sent`;

/** One line for the connection itself. */
export const connectionWords = (s: SyncStatus, now: number): string => {
  if (!s.enrolled) return 'Not connected to HQ.';
  if (s.needsReenrolment) return REVOKED_HEADLINE;
  if (s.online === false) {
    const retry =
      s.nextRetryAt !== null
        ? ` Trying again in ${Math.max(1, Math.ceil((s.nextRetryAt - now) / 1000))} s.`
        : '';
    return `HQ cannot be reached right now; sales wait on this till.${retry}`;
  }
  if (s.online === true) return 'Connected: HQ is answering.';
  return 'Connected; HQ has not been contacted yet.';
};

/** The status strip's short form: the revoked state must be seen by the cashier too. */
export const stripWords = (s: {
  enrolled: boolean;
  needsReenrolment: boolean;
  online: boolean | null;
  pending: number;
  /** Pending sales alone; the strip says sales when it knows them, never all events as sales. */
  pendingSales?: number;
  rejected: number;
}): string => {
  if (s.needsReenrolment)
    return `HQ disconnected this till · still selling offline · ${s.pending} waiting for a new code`;
  if (!s.enrolled) {
    if (s.pendingSales === undefined)
      return `Not connected to HQ · ${s.pending} events kept on this till`;
    const sales = `${s.pendingSales} sale${s.pendingSales === 1 ? '' : 's'}`;
    return `Not connected to HQ · ${sales} kept on this till (${s.pending} records in all)`;
  }
  const state = s.online === false ? 'HQ offline' : s.online ? 'HQ online' : 'HQ not contacted yet';
  const rejected = s.rejected > 0 ? ` · ${s.rejected} rejected` : '';
  return `${state} · ${s.pending} waiting to send${rejected}`;
};

/**
 * What the owner can do about an event HQ refused, for the codes with a remedy on this till. A
 * refused event stays on the till (it is a fact, never edited) and HQ's figures leave it out.
 */
export const rejectionAdvice = (code: string): string | null => {
  if (code === 'EVENT_FROM_FUTURE')
    return "This till's clock was ahead of HQ's when the event was made. Set the date and time right (automatic time is best); HQ does not count this event.";
  return null;
};
