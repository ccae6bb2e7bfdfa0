// The one Fastify server of the sync service. Routes of the gateway, enrollment, catalog,
// analytics and operations register on it; this file owns what they share: JSON error answers,
// request logging, the request-latency histogram and limits.
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from '../ops/logger';
import { LATENCY_BUCKETS_SECONDS, type MetricsRegistry } from '../ops/metrics';
import { HttpError, sendError } from './httpErrors';

export interface HttpServerDeps {
  logger: Logger;
  metrics: MetricsRegistry;
  /** Trust X-Forwarded-* from a reverse proxy (config.trustProxy). */
  trustProxy?: boolean;
}

const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

const isFastifyError = (error: unknown): error is FastifyError =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

export function buildHttpServer({
  logger,
  metrics,
  trustProxy = false,
}: HttpServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    // Requests must not hang forever on slow clients; Kafka acks are bounded separately.
    requestTimeout: 60_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 65_000,
    bodyLimit: 1_048_576,
    // Report 503 instead of accepting new work while closing (graceful shutdown).
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy,
  });

  const latency = metrics.histogram(
    'sync_http_request_duration_seconds',
    'HTTP request latency by route, method and status.',
    LATENCY_BUCKETS_SECONDS,
    ['method', 'route', 'status'],
  );

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    latency.observe(seconds, { method: request.method, route, status: String(reply.statusCode) });
    const fields = {
      method: request.method,
      route,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      reqId: request.id,
    };
    if (QUIET_ROUTES.has(route) && reply.statusCode < 400) logger.debug(fields, 'request');
    else logger.info(fields, 'request');
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(
      reply,
      404,
      'NOT_FOUND',
      `no route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof HttpError) {
      return sendError(reply, error.status, error.code, error.message, error.headers);
    }
    if (isFastifyError(error)) {
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendError(reply, 413, 'BATCH_TOO_LARGE', error.message);
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendError(reply, 400, 'BAD_JSON', 'the request body is not valid JSON');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendError(
            reply,
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'send the body as application/json',
          );
        default:
          break;
      }
      // Other client errors Fastify raises itself (bad content length, aborted body, ...).
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const code = error instanceof SyntaxError ? 'BAD_JSON' : 'BAD_REQUEST';
        return sendError(reply, status, code, error.message);
      }
    }
    logger.error({ error, route: request.routeOptions.url, reqId: request.id }, 'request failed');
    return sendError(reply, 500, 'INTERNAL', 'internal error; the request can be retried');
  });

  return app;
}
