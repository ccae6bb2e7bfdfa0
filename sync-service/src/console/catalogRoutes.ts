// The HQ master catalog in the console: paged server-side search, create and edit one product,
// CSV import with a preview (all or nothing: 422 with the preview when any row errs), and which
// till has pulled which version. Writes go through the catalog repository, so versions bump and
// tills pull the change; each write and its audit entry commit together.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  catalogImportRequestSchema,
  catalogProductRequestSchema,
  catalogSearchQuerySchema,
  newCatalogProductRequestSchema,
  type CatalogImportPreview,
  type CatalogImportResult,
  type CatalogProductRow,
  type CatalogSearchResponse,
  type CatalogTillsResponse,
} from '../../../shared/console/consoleApi';
import { idSchema } from '../../../shared/events/common';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import { publishProductsIn } from '../catalog/catalogRepo';
import {
  catalogTills,
  catalogVersion,
  findCatalogProduct,
  loadCatalogIndex,
  productIdsWithSku,
  searchCatalog,
} from '../catalog/catalogSearch';
import { inTransaction } from '../db/transaction';
import { HttpError, parseOr400 } from '../http/httpErrors';
import type { Logger } from '../ops/logger';
import type { SqlClient } from '../warehouse/sqlClient';
import { writeAudit } from './auditRepo';
import { planCatalogImport } from './catalogImport';
import type { ConsoleAuth } from './consoleAuth';

export interface CatalogRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
  logger: Logger;
}

const productParams = z.object({ productId: idSchema });
const newProductId = (): string => `p-${randomBytes(6).toString('hex')}`;
const IMPORT_BODY_LIMIT = 24 * 1_048_576;

const lockCatalog = (db: SqlClient) =>
  db.query('SELECT version FROM catalog_state WHERE singleton FOR UPDATE');

const checkSkuFree = async (db: SqlClient, product: ProductSnapshot): Promise<void> => {
  const owners = await productIdsWithSku(db, product.sku);
  if (owners.some((id) => id !== product.productId))
    throw new HttpError(409, 'CONFLICT', `another product has the SKU ${product.sku}`);
};

export function registerConsoleCatalogRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { pool, auth, logger } = deps;
  const read = { onRequest: auth.require('catalog.read') };
  const write = { onRequest: auth.require('catalog.write') };

  app.get('/v1/console/catalog/products', read, async (request): Promise<CatalogSearchResponse> => {
    const query = parseOr400(catalogSearchQuerySchema, request.query, 'catalog search');
    const [found, version] = await Promise.all([
      searchCatalog(pool, query.q, query.page, query.pageSize),
      catalogVersion(pool),
    ]);
    return { ...found, page: query.page, pageSize: query.pageSize, catalogVersion: version };
  });

  const save = async (
    actor: ReturnType<ConsoleAuth['actorOf']>,
    product: ProductSnapshot,
    action: 'catalog.create' | 'catalog.update',
  ): Promise<CatalogProductRow> =>
    inTransaction(pool, async (client) => {
      await lockCatalog(client);
      const before = await findCatalogProduct(client, product.productId);
      if (action === 'catalog.update' && !before)
        throw new HttpError(404, 'NOT_FOUND', `no product ${product.productId}`);
      await checkSkuFree(client, product);
      await publishProductsIn(client, [product]);
      const after = await findCatalogProduct(client, product.productId);
      if (!after) throw new Error(`product ${product.productId} vanished while saving`);
      if (before?.version !== after.version)
        await writeAudit(client, actor, {
          action,
          target: product.productId,
          before: before?.product ?? null,
          after: after.product,
        });
      return after;
    });

  app.put('/v1/console/catalog/products/:productId', write, async (request) => {
    const { productId } = parseOr400(productParams, request.params, 'product id');
    const product = parseOr400(catalogProductRequestSchema, request.body, 'product');
    if (product.productId !== productId)
      throw new HttpError(400, 'BAD_REQUEST', 'productId in the body must match the path');
    return save(auth.actorOf(request), product, 'catalog.update');
  });

  app.post('/v1/console/catalog/products', write, async (request, reply) => {
    const input = parseOr400(newCatalogProductRequestSchema, request.body, 'product');
    const row = await save(
      auth.actorOf(request),
      { productId: newProductId(), ...input },
      'catalog.create',
    );
    return reply.code(201).send(row);
  });

  app.post(
    '/v1/console/catalog/import/preview',
    { ...write, bodyLimit: IMPORT_BODY_LIMIT },
    async (request): Promise<CatalogImportPreview> => {
      const input = parseOr400(catalogImportRequestSchema, request.body, 'import');
      const index = await loadCatalogIndex(pool);
      return planCatalogImport(input.csv, input.currency, index, newProductId).preview;
    },
  );

  app.post(
    '/v1/console/catalog/import',
    { ...write, bodyLimit: IMPORT_BODY_LIMIT },
    async (request, reply) => {
      const input = parseOr400(catalogImportRequestSchema, request.body, 'import');
      const actor = auth.actorOf(request);
      const outcome = await inTransaction(pool, async (client) => {
        // Validated against the catalog as it stands under the lock: no concurrent write can
        // take a SKU or barcode between the check and the publish.
        await lockCatalog(client);
        const index = await loadCatalogIndex(client);
        const plan = planCatalogImport(input.csv, input.currency, index, newProductId);
        // A bad header, or a file with no valid row, imports nothing; otherwise the valid rows
        // are published and the bad ones reported.
        const unusable =
          plan.preview.errors.some((e) => e.line === 1) || plan.preview.validRows === 0;
        if (unusable) return { ok: false as const, preview: plan.preview };
        const published = await publishProductsIn(client, plan.publish);
        const result: CatalogImportResult = {
          created: plan.preview.creates,
          updated: plan.preview.updates,
          unchanged: plan.preview.unchanged,
          catalogVersion: published.version,
          skipped: new Set(plan.preview.errors.map((e) => e.line)).size,
          errors: plan.preview.errors,
        };
        // A summary, not 100,000 rows of before/after; the first changes are kept as a sample.
        // An import that changed nothing changed nothing to audit.
        if (published.changed > 0)
          await writeAudit(client, actor, {
            action: 'catalog.import',
            target: 'catalog',
            before: { catalogVersion: published.version - published.changed },
            after: {
              ...result,
              errors: result.errors.slice(0, 20),
              rows: plan.preview.totalRows,
              sample: plan.preview.changes.slice(0, 20),
            },
          });
        return { ok: true as const, result };
      });
      if (!outcome.ok)
        return reply.code(422).send({
          code: 'BAD_REQUEST',
          message:
            outcome.preview.validRows === 0
              ? `No valid row (${outcome.preview.errors.length} error(s)): nothing was imported`
              : 'The header row is not usable: nothing was imported',
          preview: outcome.preview,
        });
      logger.info({ ...outcome.result }, 'catalog imported from the console');
      return outcome.result;
    },
  );

  app.get('/v1/console/catalog/tills', read, async (): Promise<CatalogTillsResponse> => {
    const [version, tills] = await Promise.all([catalogVersion(pool), catalogTills(pool)]);
    return { catalogVersion: version, tills };
  });
}
