// GET /v1/analytics/{summary,top-products,breakdown,stock,tills,live,stream}. Every figure answer is read in
// one REPEATABLE READ snapshot with the scope's version, so the ETag names exactly the data sent;
// If-None-Match with the current ETag answers 304 before any figure is computed.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import {
  breakdownQuerySchema,
  liveQuerySchema,
  stockQuerySchema,
  summaryQuerySchema,
  tillSyncQuerySchema,
  topProductsQuerySchema,
  type AnalyticsMeta,
  type BreakdownResponse,
  type LiveHourResponse,
  type StockResponse,
  type SummaryResponse,
  type TillSyncResponse,
  type TopProductsResponse,
} from '../../../shared/sync/analyticsApi';
import { HttpError, parseOr400 } from '../http/httpErrors';
import type { SqlClient } from '../warehouse/sqlClient';
import { startRevocationFeed } from '../auth/revocationFeed';
import { createTillAuthenticator, type TillRevocations } from '../auth/tillAuth';
import type { SyncConfig } from '../config';
import type { Logger } from '../ops/logger';
import {
  analyticsAuthenticator,
  resolveScope,
  type AnalyticsAuthenticate,
  type AnalyticsPrincipal,
} from './analyticsAccess';
import { breakdownRows, stockRows, summaryFigures, topProductsByMonth } from './analyticsReports';
import { readScopeState, type ScopeState } from './analyticsRepo';
import { startAnalyticsChangeFeed, type AnalyticsChangeFeed } from './changeFeed';
import { createStreamSlots, DEFAULT_STREAM_LIMITS, type StreamLimits } from './streamSlots';
import { isValidDay } from './periods';
import { daysBetween, localDayOf } from '../../../shared/calendar';
import { liveHour } from './liveHourRepo';
import { tillSyncRows } from './tillSyncRepo';
import { ordersPerMinute } from '../../../shared/kpi';

export interface AnalyticsRouteDeps {
  pool: Pool;
  logger: Logger;
  config: Pick<SyncConfig, 'adminToken' | 'databaseUrl' | 'tokenCacheTtlMs'>;
  /** Defaults to the admin token or a till token (cached like the gateway's). */
  authenticate?: AnalyticsAuthenticate;
  /** Defaults to a LISTEN connection of its own, closed with the app. */
  changeFeed?: AnalyticsChangeFeed;
  /**
   * Revoked tills, whose open streams are closed at once; with `authenticate`, pass the till
   * authenticator it uses (fed by the process's revocation feed). Defaults to the own one.
   */
  revocations?: TillRevocations;
  /** Caps on open event streams (config.sseMaxStreams, sseMaxStreamsPerTill). */
  streamLimits?: StreamLimits;
}

const MAX_RANGE_DAYS = 3_700;
const SSE_PING_MS = 15_000;

const checkRange = (from: string, to: string): void => {
  if (!isValidDay(from) || !isValidDay(to))
    throw new HttpError(400, 'BAD_REQUEST', 'from and to must be calendar days');
  if (from > to) throw new HttpError(400, 'BAD_REQUEST', 'from must not be after to');
  const days = daysBetween(from, to);
  if (days > MAX_RANGE_DAYS)
    throw new HttpError(400, 'BAD_REQUEST', `a range may span at most ${MAX_RANGE_DAYS} days`);
};

// The scope's figures version and HQ's catalog version (a rename in the catalog relabels figures).
const etagOf = (
  route: string,
  query: object,
  storeId: string | null,
  state: ScopeState,
): string => {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([route, storeId, Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1))]),
    )
    .digest('base64url')
    .slice(0, 16);
  return `W/"${state.version}.${state.catalogVersion}-${digest}"`;
};

const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined && header.split(',').some((t) => t.trim() === etag || t.trim() === '*');

export const registerAnalyticsRoutes = async (
  app: FastifyInstance,
  deps: AnalyticsRouteDeps,
): Promise<void> => {
  const { pool, config } = deps;
  const limits = deps.streamLimits ?? DEFAULT_STREAM_LIMITS;
  let authenticate = deps.authenticate;
  let revocations = deps.revocations;
  if (!authenticate) {
    const tills = createTillAuthenticator(pool, config.tokenCacheTtlMs);
    const revoked = await startRevocationFeed(config.databaseUrl, tills, deps.logger);
    app.addHook('onClose', () => revoked.close());
    authenticate = analyticsAuthenticator(config.adminToken, tills);
    revocations ??= tills;
  }
  const authenticated = authenticate;
  let changeFeed = deps.changeFeed;
  if (!changeFeed) {
    const own = await startAnalyticsChangeFeed(config.databaseUrl, deps.logger);
    app.addHook('onClose', () => own.close());
    changeFeed = own;
  }
  const feed = changeFeed;

  const principalOf = async (request: FastifyRequest) => {
    const principal = await authenticated(request);
    if (!principal)
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        'a valid admin or till bearer token, or an HQ console session, is required',
      );
    return principal;
  };

  /** Common frame: auth, query, scope, snapshot, ETag/304, then the route's figures. */
  const figures =
    <S extends z.ZodType<{ scope: 'chain' | 'store'; storeId?: string | undefined }>>(
      route: string,
      schema: S,
      build: (
        db: SqlClient,
        storeId: string | null,
        query: z.output<S>,
        meta: AnalyticsMeta,
      ) => Promise<object>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await principalOf(request);
      const query = parseOr400(schema, request.query, 'query');
      const storeId = resolveScope(principal, query);
      if ('from' in query && 'to' in query) checkRange(String(query.from), String(query.to));
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const state = await readScopeState(client, storeId);
        const etag = etagOf(route, query, storeId, state);
        reply.header('etag', etag).header('cache-control', 'no-cache');
        if (matches(request.headers['if-none-match'], etag)) {
          await client.query('COMMIT');
          return reply.code(304).send();
        }
        const meta: AnalyticsMeta = {
          scope: storeId === null ? 'chain' : 'store',
          storeId,
          asOf: state.asOf,
          appliedAt: state.appliedAt,
          version: etag,
          currency: state.currency,
        };
        const body = await build(client, storeId, query, meta);
        await client.query('COMMIT');
        return reply.send(body);
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    };

  app.get(
    '/v1/analytics/summary',
    figures(
      'summary',
      summaryQuerySchema,
      async (db, storeId, q, meta): Promise<SummaryResponse> => {
        const { periods, totals } = await summaryFigures(db, storeId, q.from, q.to, q.grain);
        return { meta, grain: q.grain, from: q.from, to: q.to, periods, totals };
      },
    ),
  );

  app.get(
    '/v1/analytics/top-products',
    figures(
      'top-products',
      topProductsQuerySchema,
      async (db, storeId, q, meta): Promise<TopProductsResponse> => ({
        meta,
        from: q.from,
        to: q.to,
        months: await topProductsByMonth(db, storeId, q.from, q.to, q.limit),
      }),
    ),
  );

  app.get(
    '/v1/analytics/breakdown',
    figures(
      'breakdown',
      breakdownQuerySchema,
      async (db, storeId, q, meta): Promise<BreakdownResponse> => ({
        meta,
        by: q.by,
        from: q.from,
        to: q.to,
        rows: await breakdownRows(db, q.by, storeId, q.from, q.to),
      }),
    ),
  );

  app.get(
    '/v1/analytics/stock',
    figures('stock', stockQuerySchema, async (db, storeId, q, meta): Promise<StockResponse> => {
      const at = q.at ?? localDayOf(Date.now(), 'UTC');
      if (!isValidDay(at)) throw new HttpError(400, 'BAD_REQUEST', 'at must be a calendar day');
      const rows = await stockRows(db, storeId, at);
      return { meta, at, rows: q.refillOnly === 'true' ? rows.filter((r) => r.needsRefill) : rows };
    }),
  );

  // Tills' last sync changes with every push, not with the scope's figures version: no ETag.
  app.get('/v1/analytics/tills', async (request, reply): Promise<TillSyncResponse> => {
    const principal = await principalOf(request);
    const query = parseOr400(tillSyncQuerySchema, request.query, 'query');
    const storeId = resolveScope(principal, query);
    const rows = await tillSyncRows(pool, storeId);
    reply.header('cache-control', 'no-store');
    return { scope: storeId === null ? 'chain' : 'store', storeId, serverTime: Date.now(), rows };
  });

  // The live hour moves with the clock, not only with the scope's version: never cached.
  app.get('/v1/analytics/live', async (request, reply): Promise<LiveHourResponse> => {
    const principal = await principalOf(request);
    const query = parseOr400(liveQuerySchema, request.query, 'query');
    const storeId = resolveScope(principal, query);
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const state = await readScopeState(client, storeId);
      const live = await liveHour(client, storeId);
      await client.query('COMMIT');
      reply.header('cache-control', 'no-store');
      return {
        meta: {
          scope: storeId === null ? 'chain' : 'store',
          storeId,
          asOf: state.asOf,
          appliedAt: state.appliedAt,
          version: etagOf('live', query, storeId, state),
          currency: state.currency,
        },
        ...live,
        ordersPerMinute:
          ordersPerMinute(live.totals.orders, live.windowEnd - live.windowStart) ?? 0,
      };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  });

  const streamSlots = createStreamSlots(limits);
  // Tills are capped each; HQ (console tabs switching scope, scripts) counts in the total only.
  const streamKeyOf = (principal: AnalyticsPrincipal): string | null =>
    principal.kind === 'till' ? principal.tillId : null;

  // Server-sent events: `event: analytics` with an AnalyticsChange whenever a store in scope
  // changed; the client then refetches with If-None-Match. A revoked till's streams are ended.
  app.get('/v1/analytics/stream', async (request, reply) => {
    const principal = await principalOf(request);
    const query = parseOr400(
      summaryQuerySchema.pick({ scope: true, storeId: true }),
      request.query,
      'query',
    );
    const storeId = resolveScope(principal, query);
    const release = streamSlots.take(streamKeyOf(principal));
    // Listened for from here, so a revocation during the awaits below is not missed.
    let revoked = false;
    let endStream: ((tillId: string) => void) | null = null;
    const stopOnRevoke =
      principal.kind === 'till' && revocations
        ? revocations.onRevoked((tillId) => {
            if (tillId !== principal.tillId) return;
            revoked = true;
            endStream?.(tillId);
          })
        : () => undefined;
    let state;
    try {
      state = await readScopeState(pool, storeId);
    } catch (error) {
      stopOnRevoke();
      release();
      throw error;
    }
    if (revoked) {
      stopOnRevoke();
      release();
      throw new HttpError(401, 'UNAUTHENTICATED', 'unknown or revoked till token');
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // Nothing is written after the end (a revocation heard twice, a ping racing the close).
    const send = (frame: string): void => {
      if (!res.writableEnded) res.write(frame);
    };
    send(
      `event: ready\ndata: ${JSON.stringify({ storeId, version: state.version, asOf: state.asOf })}\n\n`,
    );
    const unsubscribe = feed.subscribe((changes) => {
      for (const c of changes) {
        if (storeId === null || c.storeId === storeId)
          send(`event: analytics\ndata: ${JSON.stringify(c)}\n\n`);
      }
    });
    const ping = setInterval(() => send(': ping\n\n'), SSE_PING_MS);
    endStream = (tillId) => {
      if (res.writableEnded) return;
      send(`event: revoked\ndata: ${JSON.stringify({ tillId })}\n\n`);
      res.end();
    };
    const closed = (): void => {
      clearInterval(ping);
      unsubscribe();
      stopOnRevoke();
      release();
    };
    res.on('close', closed);
    request.raw.on('close', closed);
  });
};
