// Signing in and out of the HQ console. Login answers one LOGIN_FAILED for an unknown email, a
// wrong password and a disabled account (no oracle), spends the same scrypt time on each, and
// refuses with 429 LOCKED_OUT + Retry-After once the account (5 consecutive failures → 15 min)
// or the client address (20 failures in 15 min, loginThrottle.ts) is over its limit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import {
  changePasswordRequestSchema,
  CONSOLE_SESSION_COOKIE,
  loginRequestSchema,
  type SessionInfo,
} from '../../../shared/console/consoleApi';
import { inTransaction } from '../db/transaction';
import { HttpError, parseOr400 } from '../http/httpErrors';
import type { Logger } from '../ops/logger';
import {
  findAccount,
  findAccountByEmail,
  recordFailedLogin,
  recordSuccessfulLogin,
  updateAccount,
} from './accountsRepo';
import { writeAudit } from './auditRepo';
import type { ConsoleAuth } from './consoleAuth';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { createLoginThrottle } from './loginThrottle';
import { createSession, revokeSession, revokeUserSessions } from './sessionsRepo';

export const ACCOUNT_MAX_FAILURES = 5;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
export const ADDRESS_MAX_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

export interface AuthRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
  logger: Logger;
}

const lockedOut = (untilMs: number, what: string): HttpError =>
  new HttpError(429, 'LOCKED_OUT', `too many failed logins for this ${what}; try again later`, {
    'retry-after': String(Math.max(1, Math.ceil((untilMs - Date.now()) / 1000))),
  });

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { pool, auth, logger } = deps;
  const throttle = createLoginThrottle(ADDRESS_MAX_FAILURES, ADDRESS_WINDOW_MS);

  const cookieOptions = (request: FastifyRequest) =>
    ({
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: request.protocol === 'https',
    }) as const;

  const clearCookie = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.clearCookie(CONSOLE_SESSION_COOKIE, cookieOptions(request));
  };

  app.post('/v1/console/auth/login', async (request, reply): Promise<SessionInfo> => {
    const { email, password } = parseOr400(loginRequestSchema, request.body, 'login');
    const address = request.ip;
    const blocked = throttle.blockedFor(address);
    if (blocked > 0) throw lockedOut(Date.now() + blocked, 'address');
    const account = await findAccountByEmail(pool, email);
    if (account?.locked_until && account.locked_until.getTime() > Date.now())
      throw lockedOut(account.locked_until.getTime(), 'account');
    const matches = await verifyPassword(
      password,
      account?.password_hash ?? (await dummyPasswordHash()),
    );
    if (!account || !matches || account.disabled_at !== null) {
      throttle.fail(address);
      if (account && !matches) {
        const lockedUntil = await recordFailedLogin(
          pool,
          account.user_id,
          ACCOUNT_MAX_FAILURES,
          ACCOUNT_LOCK_MS,
        );
        if (lockedUntil !== null) {
          logger.warn({ userId: account.user_id, address }, 'console account locked out');
          await writeAudit(
            pool,
            { userId: null, label: `login attempts from ${address}` },
            {
              action: 'account.lockout',
              target: account.email,
              after: { lockedUntil: new Date(lockedUntil).toISOString() },
            },
          );
          throw lockedOut(lockedUntil, 'account');
        }
      }
      throw new HttpError(401, 'LOGIN_FAILED', 'wrong email or password');
    }
    const session = await inTransaction(pool, async (client) => {
      await recordSuccessfulLogin(client, account.user_id);
      const created = await createSession(client, account.user_id, auth.limits);
      await writeAudit(
        client,
        { userId: account.user_id, label: account.email },
        { action: 'session.login', target: account.email, after: { address } },
      );
      return created;
    });
    reply.setCookie(CONSOLE_SESSION_COOKIE, session.token, {
      ...cookieOptions(request),
      maxAge: Math.floor(auth.limits.maxMs / 1000),
    });
    return {
      user: {
        userId: account.user_id,
        email: account.email,
        name: account.name,
        role: account.role,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  });

  app.get(
    '/v1/console/session',
    { onRequest: auth.require(null) },
    async (request, reply): Promise<SessionInfo> => {
      const s = auth.sessionOf(request);
      reply.header('cache-control', 'no-store');
      return {
        user: { userId: s.userId, email: s.email, name: s.name, role: s.role },
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt,
      };
    },
  );

  app.post('/v1/console/auth/logout', { onRequest: auth.require(null) }, async (request, reply) => {
    const s = auth.sessionOf(request);
    await inTransaction(pool, async (client) => {
      await revokeSession(client, s.sessionHash);
      await writeAudit(client, auth.actorOf(request), {
        action: 'session.logout',
        target: s.email,
      });
    });
    clearCookie(request, reply);
    return reply.code(204).send();
  });

  app.post(
    '/v1/console/auth/logout-everywhere',
    { onRequest: auth.require(null) },
    async (request, reply) => {
      const s = auth.sessionOf(request);
      await inTransaction(pool, async (client) => {
        const ended = await revokeUserSessions(client, s.userId);
        await writeAudit(client, auth.actorOf(request), {
          action: 'session.logout-everywhere',
          target: s.email,
          after: { sessionsEnded: ended },
        });
      });
      clearCookie(request, reply);
      return reply.code(204).send();
    },
  );

  // Changing one's own password ends one's other sessions (a thief's among them), not this one.
  app.post(
    '/v1/console/auth/password',
    { onRequest: auth.require(null) },
    async (request, reply) => {
      const s = auth.sessionOf(request);
      const input = parseOr400(changePasswordRequestSchema, request.body, 'password change');
      const account = await findAccount(pool, s.userId);
      if (!account) throw new HttpError(401, 'UNAUTHENTICATED', 'the account no longer exists');
      if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
        await recordFailedLogin(pool, account.user_id, ACCOUNT_MAX_FAILURES, ACCOUNT_LOCK_MS);
        throw new HttpError(400, 'BAD_REQUEST', 'the current password is wrong');
      }
      const passwordHash = await hashPassword(input.newPassword);
      await inTransaction(pool, async (client) => {
        await updateAccount(client, s.userId, { passwordHash });
        const ended = await revokeUserSessions(client, s.userId, s.sessionHash);
        await writeAudit(client, auth.actorOf(request), {
          action: 'account.password',
          target: s.email,
          after: { otherSessionsEnded: ended },
        });
      });
      return reply.code(204).send();
    },
  );
}
