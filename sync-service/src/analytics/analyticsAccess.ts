// Who may see which figures: the admin token sees the chain and any store; a till token sees only
// its own store. Resolves a request's scope to a store id (null = whole chain) or an HTTP error.
import { parseBearer } from '../auth/secrets';
import { isAdmin } from '../auth/adminAuth';
import type { TillAuthenticator } from '../auth/tillAuth';
import { HttpError } from '../http/httpErrors';

export type AnalyticsPrincipal =
  { kind: 'admin' } | { kind: 'till'; storeId: string; tillId: string };

export type AnalyticsAuthenticate = (
  authorization: string | undefined,
) => Promise<AnalyticsPrincipal | null>;

export const analyticsAuthenticator =
  (adminToken: string, tills: TillAuthenticator): AnalyticsAuthenticate =>
  async (authorization) => {
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
  if (query.scope === 'chain') {
    if (principal.kind !== 'admin')
      throw new HttpError(403, 'FORBIDDEN', 'only HQ may see the whole chain');
    return null;
  }
  if (principal.kind === 'admin') {
    if (!query.storeId)
      throw new HttpError(400, 'BAD_REQUEST', 'storeId is required for scope=store');
    return query.storeId;
  }
  const storeId = query.storeId ?? principal.storeId;
  if (storeId !== principal.storeId)
    throw new HttpError(403, 'FORBIDDEN', 'a till sees only its own store');
  return storeId;
};
