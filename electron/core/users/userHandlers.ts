import { AppFailure } from '../../../shared/result';
import { uuidv7 } from '../../../shared/uuidv7';
import { inTransaction, requireUser } from '../context';
import type { HandlerMap } from '../handlerTypes';
import { requireOwnerApproval } from './ownerApproval';
import { hashPin, verifyPin } from './pinHash';
import {
  assertNotLocked,
  clearPinFailures,
  PinRejected,
  UNKNOWN_USER_SUBJECT,
  userSubject,
} from './pinLockout';
import { publicUser } from './usersRepo';
import { forgetHqSession } from '../analytics/hq/hqClient';

type UserMethods =
  'auth-login' | 'auth-logout' | 'auth-current' | 'users-list' | 'users-create' | 'users-update';

export const userHandlers: HandlerMap<UserMethods> = {
  'auth-login': (ctx, { userId, pin }) => {
    const user = ctx.repos.users.get(userId);
    if (!user || !user.active) {
      // Unknown ids share one lockout, so guessing ids cannot test PINs without limit either.
      assertNotLocked(ctx, UNKNOWN_USER_SUBJECT);
      throw new PinRejected('No such active user.', UNKNOWN_USER_SUBJECT, 'login', null, null);
    }
    const subject = userSubject(user.id);
    assertNotLocked(ctx, subject);
    if (!verifyPin(pin, user.pinHash)) {
      throw new PinRejected('That PIN is not right.', subject, 'login', user, null);
    }
    clearPinFailures(ctx, subject);
    ctx.session.userId = user.id;
    return { user: publicUser(user), shiftId: ctx.repos.shifts.current()?.id ?? null };
  },
  'auth-logout': (ctx) => {
    // The HQ view's session belongs to this sign-in; the next person must sign in to HQ anew.
    forgetHqSession(ctx);
    ctx.session.userId = null;
    return null;
  },
  'auth-current': (ctx) => {
    const user = ctx.session.userId ? ctx.repos.users.get(ctx.session.userId) : null;
    if (!user || !user.active) return null;
    return { user: publicUser(user), shiftId: ctx.repos.shifts.current()?.id ?? null };
  },
  // Public: the sign-in screen lists who can sign in. Before sign-in only active users, with just
  // what the screen shows and sends (id to sign in with, name, role); the user screens, signed
  // in, see everyone. Guessing a PIN for a listed id is bounded by the lockout (pinLockout.ts).
  'users-list': (ctx) => {
    const signedIn = ctx.session.userId ? ctx.repos.users.get(ctx.session.userId) : null;
    const users = ctx.repos.users.list();
    if (signedIn?.active) return users.map(publicUser);
    return users.filter((u) => u.active).map(publicUser);
  },
  'users-create': (ctx, input) =>
    inTransaction(ctx, () => {
      requireOwnerApproval(ctx, input.ownerPin, 'Adding a user');
      const id = uuidv7(ctx.clock.now());
      ctx.repos.users.insert({
        id,
        name: input.name,
        role: input.role,
        pinHash: hashPin(input.pin),
        createdAt: ctx.clock.now(),
      });
      return publicUser(ctx.repos.users.get(id)!);
    }),
  'users-update': (ctx, input) =>
    inTransaction(ctx, () => {
      requireUser(ctx);
      requireOwnerApproval(ctx, input.ownerPin, 'Changing a user');
      const user = ctx.repos.users.get(input.userId);
      if (!user) throw new AppFailure('NOT_FOUND', 'No such user.');
      const active = input.active ?? user.active;
      if (
        user.role === 'owner' &&
        user.active &&
        !active &&
        ctx.repos.users.activeOwners().length === 1
      ) {
        throw new AppFailure('CONFLICT', 'The last owner cannot be deactivated.');
      }
      if (user.role === 'owner' && input.pin !== undefined && input.pin.length < 6) {
        // A new PIN for an owner follows the rule for new owners; old ones keep working.
        throw new AppFailure('VALIDATION', "pin: An owner's PIN is 6 to 8 digits.");
      }
      ctx.repos.users.update({
        id: user.id,
        name: input.name ?? user.name,
        pinHash: input.pin !== undefined ? hashPin(input.pin) : user.pinHash,
        active,
      });
      return publicUser(ctx.repos.users.get(user.id)!);
    }),
};
