// Who may see which figures: the admin token and any HQ console session (any role: figures are
// what analysts are for) see the chain and any store; a till token sees only its own store.
// Resolves a request's scope to a store id (null = whole chain) or an HTTP error.
import type { FastifyRequest } from 'fastify';
import type { ConsoleRole } from '../../../shared/console/consoleApi';
import { parseBearer } from '../auth/secrets';
import { isAdmin } from '../auth/adminAuth';
import type { TillAuthenticator } from '../auth/tillAuth';
import { HttpError } from '../http/httpErrors';

export type AnalyticsPrincipal =
  | { kind: 'admin' }
  | { kind: 'hq'; userId: string; role: ConsoleRole }
  | { kind: 'till'; storeId: string; tillId: string };

export type AnalyticsAuthenticate = (request: FastifyRequest) => Promise<AnalyticsPrincipal | null>;

/** The console's session lookup (console/consoleAuth.ts), when this process serves the console. */
export type ConsoleSessionLookup = (
  request: FastifyRequest,
) => Promise<{ userId: string; role: ConsoleRole } | null>;

export const analyticsAuthenticator =
  (
    adminToken: string,
    tills: TillAuthenticator,
    consoleSession: ConsoleSessionLookup | null = null,
  ): AnalyticsAuthenticate =>
  async (request) => {
    const authorization = request.headers.authorization;
    if (authorization === undefined && consoleSession) {
      const session = await consoleSession(request);
      return session ? { kind: 'hq', userId: session.userId, role: session.role } : null;
    }
    if (isAdmin(authorization, adminToken)) return { kind: 'admin' };
    const token = parseBearer(authorization);
    if (token === null) return null;
    const till = await tills.authenticate(token);
    return till ? { kind: 'till', ...till } : null;
  };

export const resolveScope = (
  principal: AnalyticsPrincipal,
  query: { scope: 'chain' | 'store'; storeId?: string | undefined },
): string | null => {
  const hq = principal.kind === 'admin' || principal.kind === 'hq';
  if (query.scope === 'chain') {
    if (!hq) throw new HttpError(403, 'FORBIDDEN', 'only HQ may see the whole chain');
    return null;
  }
  if (hq) {
    if (!query.storeId)
      throw new HttpError(400, 'BAD_REQUEST', 'storeId is required for scope=store');
    return query.storeId;
  }
  const storeId = query.storeId ?? principal.storeId;
  if (storeId !== principal.storeId)
    throw new HttpError(403, 'FORBIDDEN', 'a till sees only its own store');
  return storeId;
};
