// Owner-only actions: allowed when an owner is signed in, or when a cashier's request carries the
// PIN of an active owner (the owner walks over and types it).
import { AppFailure } from '../../../shared/result';
import { requireUser, type CoreContext } from '../context';
import type { StoredUser } from './usersRepo';
import { verifyPin } from './pinHash';

export const ownerByPin = (ctx: CoreContext, pin: string): StoredUser | null =>
  ctx.repos.users.activeOwners().find((o) => verifyPin(pin, o.pinHash)) ?? null;

/** Returns the approving owner, or throws OWNER_APPROVAL_REQUIRED / BAD_PIN. */
export const requireOwnerApproval = (
  ctx: CoreContext,
  ownerPin: string | undefined,
  what: string,
): StoredUser => {
  const user = requireUser(ctx);
  if (user.role === 'owner') return user;
  if (ownerPin === undefined) {
    throw new AppFailure('OWNER_APPROVAL_REQUIRED', `${what} needs an owner's approval.`);
  }
  const owner = ownerByPin(ctx, ownerPin);
  if (!owner) throw new AppFailure('BAD_PIN', 'That owner PIN is not right.');
  return owner;
};
