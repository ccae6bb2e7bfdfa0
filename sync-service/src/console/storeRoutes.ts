// Stores and tills in the console: list with sync health, create and edit stores, add a till
// (a one-time enrollment code shown once, with the sync address and its QR text), re-issue a
// code (the till's current token stops working at once), revoke a till (its next push gets 401).
// Each write and its audit entry commit in one transaction.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import {
  consoleStoreRequestSchema,
  consoleStoreUpdateSchema,
  consoleTillRequestSchema,
  enrollmentQrText,
  type ConsoleStore,
  type ConsoleTill,
  type StoresResponse,
  type TillEnrollment,
  type TillsResponse,
} from '../../../shared/console/consoleApi';
import { idSchema } from '../../../shared/events/common';
import type { TillAuthenticator } from '../auth/tillAuth';
import { inTransaction } from '../db/transaction';
import { issueEnrollmentCode, revokeTillCredentials } from '../enrollment/enrollmentRepo';
import {
  findCodedStore,
  findTill,
  insertStore,
  insertTill,
  isUniqueViolation,
  listCodedStores,
  markTillRevoked,
  storeHasEvents,
  updateStore,
  type CodedStore,
} from '../enrollment/storesRepo';
import { HttpError, parseOr400 } from '../http/httpErrors';
import type { Logger } from '../ops/logger';
import { writeAudit } from './auditRepo';
import type { ConsoleAuth } from './consoleAuth';
import {
  addEventOrigins,
  emptyHealth,
  findConsoleTill,
  listConsoleTills,
  storeHealthOf,
} from './storeHealthRepo';

export interface StoreRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
  tillAuthenticator: TillAuthenticator;
  logger: Logger;
  /** config.syncPublicUrl: the address put in enrollment codes; null = this request's origin. */
  syncPublicUrl: string | null;
}

const newId = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;
const storeParams = z.object({ storeId: idSchema });
const tillParams = z.object({ tillId: idSchema });

const codeTaken = (code: string | undefined): HttpError =>
  new HttpError(409, 'CONFLICT', `another store has the code ${code ?? ''}`);

export function registerStoreRoutes(app: FastifyInstance, deps: StoreRouteDeps): void {
  const { pool, auth, logger } = deps;
  const read = { onRequest: auth.require('figures.read') };
  const writeStores = { onRequest: auth.require('stores.write') };
  const writeTills = { onRequest: auth.require('tills.write') };

  const syncUrlOf = (request: FastifyRequest): string =>
    deps.syncPublicUrl ?? `${request.protocol}://${request.host}`;

  const withHealth = async (db: Pool | PoolClient, store: CodedStore): Promise<ConsoleStore> => {
    const health = (
      await addEventOrigins(
        db,
        storeHealthOf(await listConsoleTills(db, store.storeId)),
        store.storeId,
      )
    ).get(store.storeId);
    return { ...store, health: health ?? emptyHealth() };
  };

  const tillOf = async (db: Pool | PoolClient, tillId: string): Promise<ConsoleTill> => {
    const till = await findConsoleTill(db, tillId);
    if (!till) throw new HttpError(404, 'NOT_FOUND', `no till ${tillId}`);
    return till;
  };

  const enrollment = async (
    client: PoolClient,
    request: FastifyRequest,
    till: { storeId: string; tillId: string; name: string },
  ): Promise<TillEnrollment> => {
    const { code, expiresAt } = await issueEnrollmentCode(client, till.tillId);
    const syncUrl = syncUrlOf(request);
    return {
      storeId: till.storeId,
      tillId: till.tillId,
      tillName: till.name,
      enrollmentCode: code,
      expiresAt,
      syncUrl,
      qrText: enrollmentQrText(syncUrl, code),
    };
  };

  app.get('/v1/console/stores', read, async (_request, reply): Promise<StoresResponse> => {
    const now = Date.now();
    const [stores, tills] = await Promise.all([
      listCodedStores(pool),
      listConsoleTills(pool, null, now),
    ]);
    const health = await addEventOrigins(pool, storeHealthOf(tills), null);
    reply.header('cache-control', 'no-store');
    return {
      stores: stores.map((s) => ({ ...s, health: health.get(s.storeId) ?? emptyHealth() })),
      serverTime: now,
    };
  });

  app.post('/v1/console/stores', writeStores, async (request, reply) => {
    const input = parseOr400(consoleStoreRequestSchema, request.body, 'store');
    const store = await inTransaction(pool, async (client) => {
      let created;
      try {
        created = await insertStore(client, { ...input, storeId: newId('store') });
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(input.code);
        throw error;
      }
      if (!created) throw new HttpError(409, 'CONFLICT', 'store id collision; try again');
      const result: ConsoleStore = { ...created, code: input.code, health: emptyHealth() };
      await writeAudit(client, auth.actorOf(request), {
        action: 'store.create',
        target: result.storeId,
        after: { ...created, code: input.code },
      });
      return result;
    });
    logger.info({ storeId: store.storeId }, 'store created from the console');
    return reply.code(201).send(store);
  });

  app.patch('/v1/console/stores/:storeId', writeStores, async (request) => {
    const { storeId } = parseOr400(storeParams, request.params, 'store id');
    const input = parseOr400(consoleStoreUpdateSchema, request.body, 'store change');
    return inTransaction(pool, async (client) => {
      const before = await findCodedStore(client, storeId, true);
      if (!before) throw new HttpError(404, 'NOT_FOUND', `no store ${storeId}`);
      // Money and local days of recorded sales were computed in these; changing them would
      // silently re-read history in another currency or calendar.
      const moves =
        (input.currency !== undefined && input.currency !== before.currency) ||
        (input.timeZone !== undefined && input.timeZone !== before.timeZone);
      if (moves && (await storeHasEvents(client, storeId)))
        throw new HttpError(
          409,
          'CONFLICT',
          'currency and time zone cannot change once the store has sales',
        );
      let after;
      try {
        after = await updateStore(client, storeId, input);
      } catch (error) {
        if (isUniqueViolation(error)) throw codeTaken(input.code);
        throw error;
      }
      if (!after) throw new HttpError(404, 'NOT_FOUND', `no store ${storeId}`);
      await writeAudit(client, auth.actorOf(request), {
        action: 'store.update',
        target: storeId,
        before,
        after,
      });
      return withHealth(client, after);
    });
  });

  app.get(
    '/v1/console/stores/:storeId/tills',
    read,
    async (request, reply): Promise<TillsResponse> => {
      const { storeId } = parseOr400(storeParams, request.params, 'store id');
      if (!(await findCodedStore(pool, storeId)))
        throw new HttpError(404, 'NOT_FOUND', `no store ${storeId}`);
      const now = Date.now();
      reply.header('cache-control', 'no-store');
      return { tills: await listConsoleTills(pool, storeId, now), serverTime: now };
    },
  );

  app.post('/v1/console/stores/:storeId/tills', writeTills, async (request, reply) => {
    const { storeId } = parseOr400(storeParams, request.params, 'store id');
    const input = parseOr400(consoleTillRequestSchema, request.body, 'till');
    const result = await inTransaction(pool, async (client) => {
      if (!(await findCodedStore(client, storeId)))
        throw new HttpError(404, 'NOT_FOUND', `no store ${storeId}`);
      const tillId = newId('till');
      if (!(await insertTill(client, { storeId, tillId, name: input.name })))
        throw new HttpError(409, 'CONFLICT', 'till id collision; try again');
      const issued = await enrollment(client, request, { storeId, tillId, name: input.name });
      await writeAudit(client, auth.actorOf(request), {
        action: 'till.create',
        target: tillId,
        after: { storeId, tillId, name: input.name, codeExpiresAt: issued.expiresAt },
      });
      return issued;
    });
    reply.header('cache-control', 'no-store');
    return reply.code(201).send(result);
  });

  app.post(
    '/v1/console/tills/:tillId/enrollment-code',
    writeTills,
    async (request, reply): Promise<TillEnrollment> => {
      const { tillId } = parseOr400(tillParams, request.params, 'till id');
      const result = await inTransaction(pool, async (client) => {
        const till = await findTill(client, tillId, true);
        if (!till) throw new HttpError(404, 'NOT_FOUND', `no till ${tillId}`);
        const before = await tillOf(client, tillId);
        await revokeTillCredentials(client, tillId);
        const issued = await enrollment(client, request, {
          storeId: till.store_id,
          tillId,
          name: till.name,
        });
        await writeAudit(client, auth.actorOf(request), {
          action: 'till.reissue-code',
          target: tillId,
          before: { status: before.status },
          after: { status: 'awaiting-enrollment', codeExpiresAt: issued.expiresAt },
        });
        return issued;
      });
      deps.tillAuthenticator.forgetTill(tillId);
      reply.header('cache-control', 'no-store');
      return result;
    },
  );

  app.post(
    '/v1/console/tills/:tillId/revoke',
    writeTills,
    async (request): Promise<ConsoleTill> => {
      const { tillId } = parseOr400(tillParams, request.params, 'till id');
      const after = await inTransaction(pool, async (client) => {
        if (!(await findTill(client, tillId, true)))
          throw new HttpError(404, 'NOT_FOUND', `no till ${tillId}`);
        const before = await tillOf(client, tillId);
        await revokeTillCredentials(client, tillId);
        await markTillRevoked(client, tillId);
        const revoked = await tillOf(client, tillId);
        await writeAudit(client, auth.actorOf(request), {
          action: 'till.revoke',
          target: tillId,
          before,
          after: revoked,
        });
        return revoked;
      });
      // After the commit: a push racing with this cannot re-cache the old token.
      deps.tillAuthenticator.forgetTill(tillId);
      logger.info({ tillId }, 'till revoked from the console');
      return after;
    },
  );
}
