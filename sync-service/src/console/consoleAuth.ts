// Who is calling a console route: the session cookie → the person and role, checked before the
// body is read. Order of refusals: no live session → 401 UNAUTHENTICATED; a write without the
// session's CSRF token → 403 CSRF_REJECTED; a role without the permission → 403 FORBIDDEN.
// The CSRF token is compared in constant time (digests of equal length).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  can,
  CONSOLE_SESSION_COOKIE,
  CSRF_HEADER,
  type ConsolePermission,
} from '../../../shared/console/consoleApi';
import { sha256 } from '../auth/secrets';
import { HttpError } from '../http/httpErrors';
import type { SqlClient } from '../warehouse/sqlClient';
import type { Actor } from './auditRepo';
import {
  findActiveSession,
  touchSession,
  type ActiveSession,
  type SessionLimits,
} from './sessionsRepo';

export type ConsoleHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface ConsoleAuth {
  /** onRequest hook: a live session with `permission`, and the CSRF token on writes. */
  require(permission: ConsolePermission | null): ConsoleHook;
  /** The session of a request that passed `require` (throws otherwise). */
  sessionOf(request: FastifyRequest): ActiveSession;
  /** The live session of the request's cookie, without any check (analytics, session route). */
  lookup(request: FastifyRequest): Promise<ActiveSession | null>;
  actorOf(request: FastifyRequest): Actor;
  limits: SessionLimits;
}

const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (presented: string, expected: string): boolean =>
  timingSafeEqual(sha256(presented), sha256(expected));

export function createConsoleAuth(db: SqlClient, limits: SessionLimits): ConsoleAuth {
  const sessions = new WeakMap<FastifyRequest, ActiveSession>();

  const lookup = async (request: FastifyRequest): Promise<ActiveSession | null> => {
    // Undefined on a server without the cookie plugin (tests that build their own): no session.
    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    const token = cookies?.[CONSOLE_SESSION_COOKIE];
    if (!token || token.length > 100) return null;
    const now = Date.now();
    const session = await findActiveSession(db, token, limits, now);
    if (session && now - session.lastSeenAt >= TOUCH_EVERY_MS)
      await touchSession(db, session.sessionHash, now);
    return session;
  };

  return {
    limits,
    lookup,
    require(permission) {
      return async (request) => {
        const session = await lookup(request);
        if (!session)
          throw new HttpError(401, 'UNAUTHENTICATED', 'sign in to the HQ console first');
        if (!SAFE_METHODS.has(request.method)) {
          const presented = request.headers[CSRF_HEADER];
          if (typeof presented !== 'string' || !sameSecret(presented, session.csrfToken))
            throw new HttpError(
              403,
              'CSRF_REJECTED',
              `a console write needs the session's ${CSRF_HEADER} header`,
            );
        }
        if (permission !== null && !can(session.role, permission))
          throw new HttpError(403, 'FORBIDDEN', `the ${session.role} role may not do this`);
        sessions.set(request, session);
      };
    },
    sessionOf(request) {
      const session = sessions.get(request);
      if (!session) throw new Error('sessionOf called on a request that did not pass require()');
      return session;
    },
    actorOf(request) {
      const session = this.sessionOf(request);
      return { userId: session.userId, label: session.email };
    },
  };
}
