// The owner checks, written once. Owner-only actions: allowed when an owner is signed in, or when
// a cashier's request carries the PIN of an active owner (the owner walks over and types it).
// Actions a cashier may do alone up to a limit (refunds, voids, discounts) ask for that approval
// only beyond it. Owner-only screens (dashboard, HQ view) need an owner signed in: no PIN. Wrong
// owner PINs count towards the till's owner-PIN lockout (pinLockout.ts).
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

/**
 * For an action a cashier may do alone within a limit. `beyond` says what exceeds it (e.g.
 * "Voiding a sale this large"), or is null when within it. Returns who approved: the signed-in
 * owner (always, whatever the limit), the owner whose PIN came with the request, or null for a
 * cashier within the limit. Throws as requireOwnerApproval does.
 */
export const ownerApprovalBeyondLimit = (
  ctx: CoreContext,
  beyond: string | null,
  ownerPin: string | undefined,
  details?: unknown,
): StoredUser | null => {
  const user = requireUser(ctx);
  if (user.role === 'owner') return user;
  return beyond === null ? null : requireOwnerApproval(ctx, ownerPin, beyond, details);
};

/** The signed-in owner, or FORBIDDEN ("Only an owner can …") for anyone else: no PIN is asked. */
export const requireSignedInOwner = (ctx: CoreContext, action: string): StoredUser => {
  const user = requireUser(ctx);
  if (user.role !== 'owner') throw new AppFailure('FORBIDDEN', `Only an owner can ${action}.`);
  return user;
};
