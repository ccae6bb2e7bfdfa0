// Authenticates till requests before their body is read: a request without a valid till token
// is answered 401 without parsing up to a megabyte of JSON.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseBearer } from '../auth/secrets';
import type { TillAuthenticator, TillIdentity } from '../auth/tillAuth';
import { HttpError } from '../http/httpErrors';
import type { Logger } from '../ops/logger';

export interface TillGuard {
  onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** The till of an authenticated request (only valid in routes using onRequest). */
  identityOf(request: FastifyRequest): TillIdentity;
}

export function createTillGuard(
  authenticator: TillAuthenticator,
  logger: Logger,
  retryAfterSeconds: number,
): TillGuard {
  const identities = new WeakMap<FastifyRequest, TillIdentity>();
  return {
    async onRequest(request) {
      const token = parseBearer(request.headers.authorization);
      if (token === null)
        throw new HttpError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <till token>');
      let identity: TillIdentity | null;
      try {
        identity = await authenticator.authenticate(token);
      } catch (error) {
        logger.error({ error }, 'till token lookup failed');
        throw new HttpError(503, 'DATABASE_UNAVAILABLE', 'cannot verify the token right now', {
          'retry-after': String(retryAfterSeconds),
        });
      }
      if (identity === null)
        throw new HttpError(401, 'UNAUTHENTICATED', 'unknown or revoked till token');
      identities.set(request, identity);
    },
    identityOf(request) {
      const identity = identities.get(request);
      if (!identity)
        throw new Error('identityOf called on a request that did not pass the till guard');
      return identity;
    },
  };
}
