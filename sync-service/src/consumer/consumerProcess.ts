// Runs one warehouse consumer instance as its own process, configured from the environment like
// the service (KAFKA_BROKERS, DATABASE_URL, EVENTS_TOPIC, DLQ_TOPIC, CONSUMER_GROUP; plus
// SUB_BATCH_SIZE, PARTITIONS_CONCURRENTLY; CONSUMER_SESSION_TIMEOUT_MS and CONSUMER_HEARTBEAT_MS
// via the config). Tests SIGKILL it mid-batch to prove exactly-once effects; the benchmark
// measures it in isolation.
// Usage: tsx sync-service/src/consumer/consumerProcess.ts
import { loadConfig } from '../config';
import { createPool } from '../db/pool';
import { createKafka } from '../kafka/kafka';
import { createLogger } from '../ops/logger';
import { startWarehouseConsumer } from './warehouseConsumer';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel, { component: 'warehouse-consumer', pid: process.pid });
const kafka = createKafka(
  { ...config, kafkaClientId: `${config.kafkaClientId}-warehouse-${process.pid}` },
  logger,
);
const pool = createPool(config.databaseUrl, { max: 6, applicationName: 'warehouse-consumer' });

const consumer = await startWarehouseConsumer({
  kafka,
  pool,
  config,
  logger,
  options: {
    subBatchSize: Number(process.env.SUB_BATCH_SIZE ?? 5_000),
    partitionsConsumedConcurrently: Number(process.env.PARTITIONS_CONCURRENTLY ?? 2),
    sessionTimeoutMs: config.consumerSessionTimeoutMs,
    heartbeatIntervalMs: config.consumerHeartbeatMs,
  },
});
process.stdout.write('warehouse consumer ready\n');

let stopping = false;
const shutdown = (signal: string): void => {
  // A second signal forces exit; offsets not yet committed are simply replayed next time.
  if (stopping) process.exit(1);
  stopping = true;
  logger.info({ signal }, 'stopping');
  consumer
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0))
    .catch((e: unknown) => {
      logger.error({ error: e }, 'shutdown failed');
      process.exit(1);
    });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
