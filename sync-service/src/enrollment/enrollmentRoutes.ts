// HQ registers stores and tills (admin token); a till trades its one-time code for a token. Each
// enroll try holds one of the pool's connections, so one client address may have only a few
// tries at once and only a few failed ones per window (a till enrolls once; a guesser fails often).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { idSchema } from '../../../shared/events/common';
import {
  createStoreRequestSchema,
  createTillRequestSchema,
  enrollRequestSchema,
  type CreateTillResponse,
  type EnrollResponse,
} from '../../../shared/sync/gatewayApi';
import { inTransaction } from '../db/transaction';
import { HttpError, parseOr400 } from '../http/httpErrors';
import type { TillAuthenticator } from '../auth/tillAuth';
import type { Logger } from '../ops/logger';
import { createLoginThrottle } from '../console/loginThrottle';
import { issueEnrollmentCode, redeemEnrollmentCode } from './enrollmentRepo';
import { findStore, insertStore, insertTill, listStores } from './storesRepo';

export interface EnrollmentRouteDeps {
  pool: Pool;
  adminGuard: (request: FastifyRequest) => Promise<void>;
  tillAuthenticator: TillAuthenticator;
  logger: Logger;
  /** POST /v1/enroll limits per client address (config.enrollMaxFailures, ...). */
  enrollLimit?: EnrollLimit;
}

export interface EnrollLimit {
  maxFailures: number;
  windowMs: number;
  maxConcurrent: number;
}

export const DEFAULT_ENROLL_LIMIT: EnrollLimit = {
  maxFailures: 10,
  windowMs: 600_000,
  maxConcurrent: 8,
};

const rateLimited = (message: string, seconds: number): HttpError =>
  new HttpError(429, 'RATE_LIMITED', message, { 'retry-after': String(seconds) });

const newId = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;
const storeParams = z.object({ storeId: idSchema });
const tillParams = z.object({ tillId: idSchema });

export function registerEnrollmentRoutes(app: FastifyInstance, deps: EnrollmentRouteDeps): void {
  const { pool, adminGuard, logger } = deps;
  const limit = deps.enrollLimit ?? DEFAULT_ENROLL_LIMIT;
  const failures = createLoginThrottle(limit.maxFailures, limit.windowMs);
  const inFlight = new Map<string, number>();

  app.post('/v1/admin/stores', { onRequest: adminGuard }, async (request, reply) => {
    const input = parseOr400(createStoreRequestSchema, request.body, 'store');
    const store = await insertStore(pool, { ...input, storeId: input.storeId ?? newId('store') });
    if (!store) throw new HttpError(409, 'CONFLICT', `store ${input.storeId ?? ''} already exists`);
    logger.info({ storeId: store.storeId }, 'store created');
    return reply.code(201).send(store);
  });

  app.get('/v1/admin/stores', { onRequest: adminGuard }, async () => ({
    stores: await listStores(pool),
  }));

  app.post('/v1/admin/stores/:storeId/tills', { onRequest: adminGuard }, async (request, reply) => {
    const { storeId } = parseOr400(storeParams, request.params, 'store id');
    const input = parseOr400(createTillRequestSchema, request.body, 'till');
    if (!(await findStore(pool, storeId)))
      throw new HttpError(404, 'NOT_FOUND', `no store ${storeId}`);
    const tillId = input.tillId ?? newId('till');
    const { code, expiresAt } = await inTransaction(pool, async (client) => {
      if (!(await insertTill(client, { storeId, tillId, name: input.name }))) {
        throw new HttpError(409, 'CONFLICT', `till ${tillId} already exists`);
      }
      return issueEnrollmentCode(client, tillId);
    });
    logger.info({ storeId, tillId }, 'till created');
    const response: CreateTillResponse = { storeId, tillId, enrollmentCode: code, expiresAt };
    return reply.code(201).send(response);
  });

  // A new code for an existing till (lost code, replaced machine): the till's earlier codes stop
  // working now; enrolling with it revokes the till's earlier tokens.
  app.post(
    '/v1/admin/tills/:tillId/enrollment-codes',
    { onRequest: adminGuard },
    async (request, reply) => {
      const { tillId } = parseOr400(tillParams, request.params, 'till id');
      const { rows } = await pool.query<{ store_id: string }>(
        'SELECT store_id FROM tills WHERE till_id = $1',
        [tillId],
      );
      const storeId = rows[0]?.store_id;
      if (storeId === undefined) throw new HttpError(404, 'NOT_FOUND', `no till ${tillId}`);
      const { code, expiresAt } = await inTransaction(pool, (client) =>
        issueEnrollmentCode(client, tillId),
      );
      const response: CreateTillResponse = { storeId, tillId, enrollmentCode: code, expiresAt };
      return reply.code(201).send(response);
    },
  );

  app.post('/v1/enroll', async (request, reply) => {
    const address = request.ip;
    const waitMs = failures.blockedFor(address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw rateLimited(
        `too many failed enrollments from this address; retry in ${seconds} s`,
        seconds,
      );
    }
    const running = inFlight.get(address) ?? 0;
    if (running >= limit.maxConcurrent)
      throw rateLimited('too many enrollments at once from this address; retry in a moment', 1);
    inFlight.set(address, running + 1);
    try {
      return await enroll(request, reply);
    } catch (error) {
      if (error instanceof HttpError && error.status < 500) failures.fail(address);
      throw error;
    } finally {
      const left = (inFlight.get(address) ?? 1) - 1;
      if (left > 0) inFlight.set(address, left);
      else inFlight.delete(address);
    }
  });

  const enroll = async (request: FastifyRequest, reply: FastifyReply) => {
    const { code } = parseOr400(enrollRequestSchema, request.body, 'enrollment request');
    const enrolled = await redeemEnrollmentCode(pool, code);
    if (!enrolled) {
      // One answer for unknown, used and expired codes: no oracle for guessing.
      throw new HttpError(
        401,
        'ENROLLMENT_CODE_INVALID',
        'the enrollment code is unknown, used or expired',
      );
    }
    deps.tillAuthenticator.forgetTill(enrolled.tillId);
    const store = await findStore(pool, enrolled.storeId);
    if (!store)
      throw new Error(`till ${enrolled.tillId} belongs to missing store ${enrolled.storeId}`);
    logger.info({ storeId: enrolled.storeId, tillId: enrolled.tillId }, 'till enrolled');
    const response: EnrollResponse = { ...enrolled, store };
    return reply.code(200).send(response);
  };
}
