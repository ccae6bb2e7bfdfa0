// Security in the console: the wrong PINs tills reported (pin_failed events), newest first, so
// HQ sees a cashier guessing PINs at sign-in or at an owner-approval dialog. Read with the
// operations permission (admins and managers). Also the sales tills voided before payment
// (cart_void events), with reason and value, where shrinkage hides.
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import {
  cartVoidsQuerySchema,
  pinFailuresQuerySchema,
  type CartVoidsResponse,
  type PinFailuresResponse,
} from '../../../shared/console/consoleApi';
import { parseOr400 } from '../http/httpErrors';
import { listCartVoids } from '../warehouse/cartVoidsRepo';
import { listPinFailures } from '../warehouse/pinFailuresRepo';
import type { ConsoleAuth } from './consoleAuth';

export interface SecurityRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
}

export function registerSecurityRoutes(app: FastifyInstance, deps: SecurityRouteDeps): void {
  const read = { onRequest: deps.auth.require('ops.read') };
  app.get(
    '/v1/console/security/pin-failures',
    read,
    async (request): Promise<PinFailuresResponse> => {
      const query = parseOr400(pinFailuresQuerySchema, request.query, 'query');
      return { items: await listPinFailures(deps.pool, query) };
    },
  );
  app.get('/v1/console/security/voids', read, async (request): Promise<CartVoidsResponse> => {
    const query = parseOr400(cartVoidsQuerySchema, request.query, 'query');
    return { items: await listCartVoids(deps.pool, query) };
  });
}
