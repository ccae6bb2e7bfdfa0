// The warehouse consumer: a kafkajs consumer-group member that applies events to Postgres.
// eachBatch with manual offset resolution (the kafkajs/PostHog pattern): per sub-batch, one
// Postgres transaction applies the new events, and only after it commits are the offsets resolved
// and committed. A crash between the two replays the sub-batch, which the events ledger makes a
// no-op, so nothing is ever counted twice.
import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { MonthPartitions } from '../warehouse/partitionsRepo';
import type { MetricsRegistry } from '../ops/metrics';
import { warehouseConsumerMetrics } from './consumerMetrics';
import { decodeRecord } from './messageDecoder';
import {
  processSubBatch,
  type DecodedRecord,
  type OutgoingDeadLetter,
  type SubBatchResult,
} from './subBatchProcessor';

export interface WarehouseConsumerConfig {
  eventsTopic: string;
  dlqTopic: string;
  consumerGroup: string;
}

export interface WarehouseLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** What the consumer reports; the process wires it to its metrics registry. */
export interface WarehouseConsumerMetrics {
  recordSubBatch(result: SubBatchResult, durationMs: number): void;
}

export interface WarehouseConsumerOptions {
  /** Events per Postgres transaction (whole records: a record may take it past this). */
  subBatchSize?: number;
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  /** How long the group waits for a silent member before handing its partitions to others. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Called after each committed sub-batch (tests, bench, in-process notifications). */
  onSubBatch?: (result: SubBatchResult) => void;
}

export interface WarehouseConsumerDeps {
  kafka: Kafka;
  pool: Pool;
  config: WarehouseConsumerConfig;
  logger: WarehouseLogger;
  /** The process's registry; the consumer registers its own metrics on it. */
  metrics?: MetricsRegistry;
  options?: WarehouseConsumerOptions;
}

// Up to a whole fetch per partition (4 MB ≈ 4,000 events): fewer, larger transactions cost less per
// line (statement overhead, commits, rollup rows touched once per batch instead of per chunk).
const DEFAULT_SUB_BATCH = 5_000;

const dlqMessages = (letters: readonly OutgoingDeadLetter[]) =>
  letters.map(({ letter: l, key, value }) => ({
    key,
    value: value ?? '',
    headers: {
      'x-dlq-reason-code': l.reasonCode,
      'x-dlq-reason': l.reason.slice(0, 1_000),
      'x-dlq-source': `${l.topic}/${l.partition}/${l.offset}#${l.recordIndex}`,
    },
  }));

/** Consecutive runs of whole records holding about `events` events each (at least one record). */
const chunkByEvents = (records: readonly DecodedRecord[], events: number): DecodedRecord[][] => {
  const chunks: DecodedRecord[][] = [];
  let chunk: DecodedRecord[] = [];
  let count = 0;
  for (const record of records) {
    if (chunk.length > 0 && count + record.events.length > events) {
      chunks.push(chunk);
      chunk = [];
      count = 0;
    }
    chunk.push(record);
    count += record.events.length;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
};

export const startWarehouseConsumer = async (
  deps: WarehouseConsumerDeps,
): Promise<{ stop(): Promise<void> }> => {
  const { kafka, pool, config, logger, options = {} } = deps;
  const metrics = deps.metrics ? warehouseConsumerMetrics(deps.metrics) : undefined;
  const subBatchSize = options.subBatchSize ?? DEFAULT_SUB_BATCH;
  const partitionsConcurrently = options.partitionsConsumedConcurrently ?? 2;
  const partitions = new MonthPartitions();
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const newConsumer = (): Consumer =>
    kafka.consumer({
      groupId: config.consumerGroup,
      maxBytesPerPartition: 4 * 1024 * 1024,
      minBytes: 1,
      // Short fetch wait: at a trickle of sales, freshness matters more than fetch efficiency.
      maxWaitTimeInMs: 50,
      sessionTimeout: options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 1_000,
      allowAutoTopicCreation: false,
    });
  let consumer = newConsumer();

  const publishDeadLetters = async (letters: readonly OutgoingDeadLetter[]) => {
    await producer.send({ topic: config.dlqTopic, acks: -1, messages: dlqMessages(letters) });
    for (const { letter: l } of letters) {
      logger.warn(
        {
          partition: l.partition,
          offset: l.offset,
          recordIndex: l.recordIndex,
          reasonCode: l.reasonCode,
          reason: l.reason,
        },
        'event dead-lettered',
      );
    }
  };

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } =
      payload;
    const records: DecodedRecord[] = batch.messages.map((m) => ({
      message: { partition: batch.partition, offset: m.offset, key: m.key, value: m.value },
      events: decodeRecord(m.value, { partition: batch.partition, offset: m.offset }),
    }));
    for (const chunk of chunkByEvents(records, subBatchSize)) {
      if (!isRunning() || isStale()) return;
      const started = performance.now();
      const result = await processSubBatch(
        { pool, partitions, topic: batch.topic, publishDeadLetters },
        chunk,
      );
      const last = chunk[chunk.length - 1];
      if (last) resolveOffset(last.message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
      metrics?.recordSubBatch(result, performance.now() - started);
      options.onSubBatch?.(result);
    }
  };

  const run = async (c: Consumer): Promise<void> => {
    await c.connect();
    await c.subscribe({ topic: config.eventsTopic, fromBeginning: options.fromBeginning ?? true });
    await c.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      autoCommitInterval: 500,
      partitionsConsumedConcurrently: partitionsConcurrently,
      eachBatch,
    });
  };

  // kafkajs restarts a consumer itself after retriable failures, but after a non-retriable crash
  // (the fault suite saw one when the broker restarted under a busy group) it stays down while
  // the process lives on, and the warehouse silently stops. A fresh consumer rejoins the group
  // from the committed offsets, so nothing is skipped and replays are no-ops.
  let stopped = false;
  let rebuild: NodeJS.Timeout | null = null;
  const scheduleRebuild = (delayMs: number): void => {
    if (stopped || rebuild) return;
    rebuild = setTimeout(() => {
      rebuild = null;
      if (stopped) return;
      const fresh = newConsumer();
      watch(fresh);
      consumer = fresh;
      run(fresh).catch((error: unknown) => {
        logger.warn({ error }, 'fresh warehouse consumer could not start yet; retrying');
        void fresh.disconnect().catch(() => undefined);
        scheduleRebuild(Math.min(delayMs * 2, 10_000));
      });
    }, delayMs);
  };
  const watch = (c: Consumer): void => {
    c.on(c.events.CRASH, ({ payload }) => {
      if (payload.restart || stopped) return;
      logger.error({ error: payload.error }, 'warehouse consumer crashed; starting a fresh one');
      scheduleRebuild(1_000);
    });
  };

  await producer.connect();
  watch(consumer);
  await run(consumer);
  // The effective settings, so an operator (and the entry point's test) sees what is running.
  logger.info(
    {
      topic: config.eventsTopic,
      group: config.consumerGroup,
      subBatchSize,
      partitionsConcurrently,
      sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
    },
    'warehouse consumer started',
  );

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      if (rebuild) clearTimeout(rebuild);
      await consumer.disconnect();
      await producer.disconnect();
      logger.info({ group: config.consumerGroup }, 'warehouse consumer stopped');
    },
  };
};
