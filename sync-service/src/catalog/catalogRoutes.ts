// Catalog down: HQ publishes product snapshots (admin token); tills pull what changed since their
// cursor (till token).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import {
  catalogPutRequestSchema,
  catalogQuerySchema,
  type CatalogPage,
} from '../../../shared/sync/gatewayApi';
import { parseOr400 } from '../http/httpErrors';
import type { TillGuard } from '../gateway/tillGuard';
import type { Logger } from '../ops/logger';
import { productsSince, publishProducts, recordCatalogPull } from './catalogRepo';

export interface CatalogRouteDeps {
  pool: Pool;
  adminGuard: (request: FastifyRequest) => Promise<void>;
  tillGuard: TillGuard;
  logger: Logger;
}

export function registerCatalogRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { pool, logger } = deps;

  app.put(
    '/v1/admin/catalog/products',
    { onRequest: deps.adminGuard, bodyLimit: 16 * 1_048_576 },
    async (request) => {
      const products = parseOr400(catalogPutRequestSchema, request.body, 'products');
      const result = await publishProducts(pool, products);
      logger.info({ ...result }, 'catalog published');
      return result;
    },
  );

  app.get('/v1/catalog', { onRequest: deps.tillGuard.onRequest }, async (request) => {
    const query = parseOr400(catalogQuerySchema, request.query, 'catalog query');
    const page: CatalogPage = await productsSince(pool, Number(query.since), query.limit);
    const { tillId } = deps.tillGuard.identityOf(request);
    // Bookkeeping for the console: a failure here must not fail the till's pull.
    await recordCatalogPull(pool, tillId, Number(page.cursor)).catch((error: unknown) =>
      logger.warn({ error, tillId }, 'could not record the catalog pull'),
    );
    return page;
  });
}
