// Owner-only actions: allowed when an owner is signed in, or when a cashier's request carries the
// PIN of an active owner (the owner walks over and types it). Wrong owner PINs count towards the
// till's owner-PIN lockout (pinLockout.ts).
import { AppFailure } from '../../../shared/result';
import { requireUser, type CoreContext } from '../context';
import type { StoredUser } from './usersRepo';
import { verifyPin } from './pinHash';
import { assertNotLocked, clearPinFailures, OWNER_PIN_SUBJECT, PinRejected } from './pinLockout';

export const ownerByPin = (ctx: CoreContext, pin: string): StoredUser | null =>
  ctx.repos.users.activeOwners().find((o) => verifyPin(pin, o.pinHash)) ?? null;

/**
 * Returns the approving owner, or throws OWNER_APPROVAL_REQUIRED / BAD_PIN / PIN_LOCKED. `details`
 * ride on OWNER_APPROVAL_REQUIRED so the approval box can say exactly what is being approved.
 */
export const requireOwnerApproval = (
  ctx: CoreContext,
  ownerPin: string | undefined,
  what: string,
  details?: unknown,
): StoredUser => {
  const user = requireUser(ctx);
  if (user.role === 'owner') return user;
  if (ownerPin === undefined) {
    throw new AppFailure('OWNER_APPROVAL_REQUIRED', `${what} needs an owner's approval.`, details);
  }
  assertNotLocked(ctx, OWNER_PIN_SUBJECT);
  const owner = ownerByPin(ctx, ownerPin);
  if (!owner) {
    throw new PinRejected(
      'That owner PIN is not right.',
      OWNER_PIN_SUBJECT,
      'owner_pin',
      null,
      user.id,
    );
  }
  clearPinFailures(ctx, OWNER_PIN_SUBJECT);
  return owner;
};
