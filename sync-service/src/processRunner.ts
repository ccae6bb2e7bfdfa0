// Runs a sync service process: config from the environment (an invalid value exits 2 with
// CONFIG_INVALID and the variable's name), JSON logs, prints where it listens, graceful shutdown
// on SIGTERM/SIGINT (HTTP, then the consumer leaves the group with its offsets committed, then the
// pool; a second signal forces exit). Every entry point (main, gatewayMain, consumerMain,
// analyticsMain) runs through here; the benches, the fault suite and the tests start their
// warehouse consumers as consumerMain too, so the consumer measured is the one deployed.
import { ConfigError, loadConfig, type SyncConfig } from './config';
import { createLogger } from './ops/logger';
import { createSyncService, type ServiceRole, type SyncServiceOptions } from './service';

export async function runSyncProcess(
  roles: readonly ServiceRole[],
  defaultPort: number,
  options: SyncServiceOptions = {},
): Promise<void> {
  let config: SyncConfig;
  try {
    const loaded = loadConfig(process.env);
    config = process.env.PORT ? loaded : { ...loaded, port: defaultPort };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sync-service: configuration error ${error.code}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, {
    service: 'sync-service',
    roles: roles.join(','),
    pid: process.pid,
  });
  if (config.adminTokenIsDefault) {
    logger.warn(
      {},
      'SYNC_ADMIN_TOKEN is not set: using the development admin token "dev-admin-token"; set it outside development',
    );
  }

  let service;
  try {
    service = await createSyncService(config, roles, logger, options);
  } catch (error) {
    logger.error(
      { error, kafkaBrokers: config.kafkaBrokers, databaseUrl: redact(config.databaseUrl) },
      'start-up failed',
    );
    process.stderr.write(
      'sync-service: could not start. Are Kafka and PostgreSQL running? (npm run services:up)\n',
    );
    process.exit(1);
  }
  const running = service;
  const url = await running.listen();
  logger.info({ url, roles }, 'sync service listening');
  process.stdout.write(`sync-service (${roles.join(', ')}) listening on ${url}\n`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => {
        logger.info({}, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** The password of a connection string never reaches a log. */
const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
