// Composition of the sync service: one Fastify server carrying the roles this process runs
// (gateway, warehouse consumer, analytics API, HQ console) plus the operations endpoints. main.ts runs all
// roles in one process; gatewayMain/consumerMain/analyticsMain run one each so they scale apart.
import type { FastifyInstance } from 'fastify';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { analyticsAuthenticator } from './analytics/analyticsAccess';
import { registerAnalyticsRoutes } from './analytics/routes';
import { createAdminGuard } from './auth/adminGuard';
import { startRevocationFeed, type RevocationFeed } from './auth/revocationFeed';
import { createTillAuthenticator } from './auth/tillAuth';
import { registerCatalogRoutes } from './catalog/catalogRoutes';
import type { SyncConfig } from './config';
import { createConsoleAuth } from './console/consoleAuth';
import { registerConsoleRoutes, registerCookies } from './console/consoleRoutes';
import { startWarehouseConsumer } from './consumer/warehouseConsumer';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { registerEnrollmentRoutes } from './enrollment/enrollmentRoutes';
import { createEventPublisher, type EventPublisher } from './gateway/eventPublisher';
import { registerEventsRoute } from './gateway/eventsRoute';
import { createTillGuard } from './gateway/tillGuard';
import { createTillSyncRecorder, type TillSyncRecorder } from './gateway/tillSyncRecorder';
import { buildHttpServer } from './http/server';
import { createKafka, ensureTopics } from './kafka/kafka';
import { registerConsumerLagCollector } from './ops/consumerLag';
import type { Logger } from './ops/logger';
import { createMetricsRegistry, type MetricsRegistry } from './ops/metrics';
import { registerOpsRoutes } from './ops/opsRoutes';

export type ServiceRole = 'gateway' | 'consumer' | 'analytics' | 'console';
export const ALL_ROLES: readonly ServiceRole[] = ['gateway', 'consumer', 'analytics', 'console'];

/** What a test entry may add around the production composition; production passes nothing. */
export interface SyncServiceOptions {
  /**
   * Wraps the publisher the events route publishes through. The fault suite's gateway
   * (build/faults/gatewayProcess.ts) uses it to die between Kafka's ack and the till's answer.
   */
  wrapEventsPublisher?: (publisher: EventPublisher) => EventPublisher;
}

export interface SyncService {
  app: FastifyInstance;
  pool: pg.Pool;
  kafka: Kafka;
  metrics: MetricsRegistry;
  /** Listens on config.host:config.port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Graceful: HTTP first (in-flight requests finish), then consumer, producer, pool. */
  stop(): Promise<void>;
}

export async function createSyncService(
  config: SyncConfig,
  roles: readonly ServiceRole[],
  logger: Logger,
  options: SyncServiceOptions = {},
): Promise<SyncService> {
  const metrics = createMetricsRegistry();
  const pool = createPool(config.databaseUrl, { max: 20 });
  const kafka = createKafka(config, logger);
  const has = (role: ServiceRole): boolean => roles.includes(role);
  let publisher: EventPublisher | null = null;
  let tillSync: TillSyncRecorder | null = null;
  let consumer: { stop(): Promise<void> } | null = null;
  let revocationFeed: RevocationFeed | null = null;

  const cleanup = async (): Promise<void> => {
    await consumer
      ?.stop()
      .catch((error: unknown) => logger.error({ error }, 'consumer stop failed'));
    await publisher?.close();
    await tillSync?.close();
    await revocationFeed?.close();
    await pool.end().catch(() => undefined);
  };

  try {
    const migrated = await migrate(pool, { log: (message) => logger.info({}, message) });
    logger.info(
      {
        applied: migrated.applied.length,
        total: migrated.applied.length + migrated.alreadyApplied,
      },
      'database migrated',
    );
    if (has('gateway') || has('consumer')) {
      const created = await ensureTopics(kafka, [
        { topic: config.eventsTopic, numPartitions: config.eventsTopicPartitions },
        { topic: config.dlqTopic, numPartitions: config.eventsTopicPartitions },
      ]);
      if (created.length > 0) logger.info({ topics: created }, 'created Kafka topics');
    }

    const app = buildHttpServer({ logger, metrics, trustProxy: config.trustProxy });
    await registerCookies(app);
    const consoleAuth = createConsoleAuth(pool, {
      idleMs: config.consoleSessionIdleMs,
      maxMs: config.consoleSessionMaxMs,
    });
    registerOpsRoutes(app, { pool, kafka, metrics, logger });
    const adminGuard = createAdminGuard(config.adminToken);
    const tillAuthenticator = createTillAuthenticator(pool, config.tokenCacheTtlMs);
    // Revocations made by any process reach this one's token cache and streams at once.
    revocationFeed = await startRevocationFeed(config.databaseUrl, tillAuthenticator, logger);
    const tillGuard = createTillGuard(tillAuthenticator, logger, config.retryAfterSeconds);

    // The console produces too: a retried dead letter goes to the events topic again.
    if (has('gateway') || has('console'))
      publisher = createEventPublisher({ kafka, logger, sendTimeoutMs: config.kafkaSendTimeoutMs });
    if (has('gateway') && publisher) {
      tillSync = createTillSyncRecorder(pool, logger);
      registerEventsRoute(app, {
        tillSync,
        publisher: options.wrapEventsPublisher?.(publisher) ?? publisher,
        tillGuard,
        metrics,
        eventsTopic: config.eventsTopic,
        retryAfterSeconds: config.retryAfterSeconds,
        maxFutureSkewMs: config.eventMaxFutureSkewMs,
      });
      registerEnrollmentRoutes(app, {
        pool,
        adminGuard,
        tillAuthenticator,
        logger,
        enrollLimit: {
          maxFailures: config.enrollMaxFailures,
          windowMs: config.enrollWindowMs,
          maxConcurrent: config.enrollMaxConcurrent,
        },
      });
      registerCatalogRoutes(app, { pool, adminGuard, tillGuard, logger });
    }
    if (has('analytics')) {
      // Shares the gateway's token cache, so re-enrollment revokes analytics access at once too.
      // A console session (any role) sees figures too; sessions are in Postgres, so an
      // analytics-only process honours them as well.
      const authenticate = analyticsAuthenticator(
        config.adminToken,
        tillAuthenticator,
        consoleAuth.lookup,
      );
      await registerAnalyticsRoutes(app, {
        pool,
        logger,
        config,
        authenticate,
        revocations: tillAuthenticator,
        streamLimits: {
          maxStreams: config.sseMaxStreams,
          maxStreamsPerTill: config.sseMaxStreamsPerTill,
          retryAfterSeconds: config.retryAfterSeconds,
        },
      });
    }
    if (has('console') && publisher) {
      await registerConsoleRoutes(app, {
        kafka,
        publisher,
        eventsTopic: config.eventsTopic,
        consumerGroup: config.consumerGroup,
        retryAfterSeconds: config.retryAfterSeconds,
        consoleDir: config.consoleDir,
        pool,
        auth: consoleAuth,
        logger,
        tillAuthenticator,
        syncPublicUrl: config.syncPublicUrl,
      });
    }
    if (has('consumer')) {
      registerConsumerLagCollector(metrics, kafka, config.consumerGroup, config.eventsTopic);
      consumer = await startWarehouseConsumer({
        kafka,
        pool,
        config: {
          eventsTopic: config.eventsTopic,
          dlqTopic: config.dlqTopic,
          consumerGroup: config.consumerGroup,
        },
        logger,
        metrics,
        options: {
          subBatchSize: config.consumerSubBatchSize,
          partitionsConsumedConcurrently: config.consumerPartitionsConcurrently,
          sessionTimeoutMs: config.consumerSessionTimeoutMs,
          heartbeatIntervalMs: config.consumerHeartbeatMs,
        },
      });
    }

    let stopping: Promise<void> | null = null;
    return {
      app,
      pool,
      kafka,
      metrics,
      async listen() {
        await app.listen({ host: config.host, port: config.port });
        const address = app.server.address();
        const port = typeof address === 'object' && address !== null ? address.port : config.port;
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        return `http://${host}:${port}`;
      },
      stop() {
        stopping ??= (async () => {
          // In-flight requests (a batch awaiting Kafka acks) get config.shutdownDrainMs to finish;
          // long-lived ones (analytics event streams) are then cut so shutdown cannot hang.
          const drain = setTimeout(() => app.server.closeAllConnections(), config.shutdownDrainMs);
          try {
            await app.close();
          } finally {
            clearTimeout(drain);
          }
          await cleanup();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
