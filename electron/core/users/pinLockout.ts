// Limits PIN guessing at a till: after 3 wrong PINs for one subject (a user at sign-in, the
// owner PIN of approvals, or unknown user ids) that subject is locked for 30 s, doubling with
// each further failure up to 15 min; a right PIN clears it. Each failure is also written to the
// outbox as a pin_failed event so HQ sees it.
//
// A wrong PIN aborts the handler's transaction, which would roll the count back with it, so the
// failure is thrown as PinRejected and recorded by the dispatcher after the rollback
// (recordPinRejection, in its own transaction).
import { AppFailure } from '../../../shared/result';
import type { EventOf } from '../../../shared/events';
import { inTransaction, newEventId, requireSettings, type CoreContext } from '../context';

export const LOCK_AFTER_FAILURES = 3;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export type PinAttempt = EventOf<'pin_failed'>['payload']['attempt'];

export const OWNER_PIN_SUBJECT = 'owner-pin';
export const UNKNOWN_USER_SUBJECT = 'unknown-user';
export const userSubject = (userId: string): string => `user:${userId}`;

/** How long a subject is locked after `failures` consecutive failures (0 = not locked). */
export const lockMsAfter = (failures: number): number =>
  failures < LOCK_AFTER_FAILURES
    ? 0
    : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - LOCK_AFTER_FAILURES));

const lockedFailure = (retryMs: number): AppFailure => {
  const retryInSeconds = Math.ceil(retryMs / 1000);
  return new AppFailure('PIN_LOCKED', `Too many wrong PINs. Try again in ${retryInSeconds} s.`, {
    retryInSeconds,
  });
};

/** Throws PIN_LOCKED (details.retryInSeconds) while the subject is locked. */
export const assertNotLocked = (ctx: CoreContext, subject: string): void => {
  const row = ctx.repos.pinFailures.get(subject);
  const wait = row ? row.lockedUntil - ctx.clock.now() : 0;
  if (wait > 0) throw lockedFailure(wait);
};

export const clearPinFailures = (ctx: CoreContext, subject: string): void => {
  if (ctx.repos.pinFailures.get(subject)) ctx.repos.pinFailures.clear(subject);
};

/** A wrong PIN; the dispatcher records it once the handler's transaction has rolled back. */
export class PinRejected extends AppFailure {
  constructor(
    message: string,
    readonly subject: string,
    readonly attempt: PinAttempt,
    readonly user: { id: string; name: string } | null,
    readonly signedInUserId: string | null,
  ) {
    super('BAD_PIN', message);
  }
}

/** Counts the failure, locks the subject when due, writes pin_failed; returns the error to show. */
export const recordPinRejection = (ctx: CoreContext, e: PinRejected): AppFailure =>
  inTransaction(ctx, () => {
    const now = ctx.clock.now();
    const failures = (ctx.repos.pinFailures.get(e.subject)?.failures ?? 0) + 1;
    const lockMs = lockMsAfter(failures);
    const lockedUntil = lockMs > 0 ? now + lockMs : 0;
    ctx.repos.pinFailures.save({ subject: e.subject, failures, lockedUntil, lastFailedAt: now });
    const settings = ctx.repos.settings.get();
    if (settings) {
      ctx.repos.outbox.append({
        eventId: newEventId(ctx),
        type: 'pin_failed',
        storeId: requireSettings(ctx).storeId,
        tillId: settings.tillId,
        occurredAt: now,
        payload: {
          attempt: e.attempt,
          userId: e.user?.id ?? null,
          userName: e.user?.name ?? null,
          signedInUserId: e.signedInUserId,
          failures,
          lockedUntil: lockedUntil || null,
        },
      });
    }
    if (lockMs > 0) {
      const retryInSeconds = Math.ceil(lockMs / 1000);
      return new AppFailure(
        'PIN_LOCKED',
        `${e.message} Too many wrong PINs: try again in ${retryInSeconds} s.`,
        { retryInSeconds },
      );
    }
    return e;
  });
