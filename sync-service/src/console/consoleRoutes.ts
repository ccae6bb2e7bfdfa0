// The HQ console's server side: session auth, accounts, stores and tills, master catalog,
// operations and the audit log under /v1/console, plus the built web app at /console. Needs
// Postgres only, except dead-letter retry and the Kafka health check, which use the Kafka client
// (and the gateway's publisher when this process has one).
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventPublisher } from '../gateway/eventPublisher';
import type { Logger } from '../ops/logger';
import { registerAccountRoutes } from './accountRoutes';
import { registerAuditRoutes } from './auditRoutes';
import { registerAuthRoutes } from './authRoutes';
import { registerConsoleCatalogRoutes } from './catalogRoutes';
import type { ConsoleAuth } from './consoleAuth';
import { registerOpsConsoleRoutes } from './opsRoutes';
import { registerSecurityRoutes } from './securityRoutes';
import { registerStaticConsole } from './staticConsole';
import { registerStoreRoutes } from './storeRoutes';
import type { TillAuthenticator } from '../auth/tillAuth';

export interface ConsoleRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
  logger: Logger;
  tillAuthenticator: TillAuthenticator;
  syncPublicUrl: string | null;
  kafka: Kafka;
  publisher: EventPublisher;
  eventsTopic: string;
  consumerGroup: string;
  retryAfterSeconds: number;
  /** config.consoleDir: the built web app; null = renderer/dist-console. */
  consoleDir: string | null;
}

export async function registerConsoleRoutes(
  app: FastifyInstance,
  deps: ConsoleRouteDeps,
): Promise<void> {
  registerAuthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerStoreRoutes(app, deps);
  registerConsoleCatalogRoutes(app, deps);
  registerOpsConsoleRoutes(app, deps);
  registerSecurityRoutes(app, deps);
  registerAuditRoutes(app, deps);
  await registerStaticConsole(app, deps.consoleDir);
}

/** Cookie parsing for the whole app: analytics routes accept the console session too. */
export async function registerCookies(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
}
