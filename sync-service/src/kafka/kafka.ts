// The kafkajs client for the sync service, logging through our JSON logger, plus topic set-up.
import { Kafka, logLevel as KafkaLogLevel, type Admin, type LogEntry } from 'kafkajs';
import type { Logger } from '../ops/logger';

export interface KafkaSettings {
  kafkaBrokers: string[];
  kafkaClientId: string;
}

export interface KafkaClientOptions {
  /** Milliseconds to open a TCP connection to a broker. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Client-level retries (metadata, connect). Producers and consumers may override. */
  retries?: number;
}

// Messages kafkajs logs that are expected here and would only mislead an operator.
const QUIET = [
  // The gateway bounds producer retries on purpose and replaces the producer after any failure.
  'Limiting retries for the idempotent producer',
  // Every producer here chooses its partitioner explicitly or accepts the (Java-compatible) default.
  'KafkaJS v2.0.0 switched default partitioner',
];

const toLevel = (level: KafkaLogLevel): 'debug' | 'info' | 'warn' | 'error' => {
  switch (level) {
    case KafkaLogLevel.ERROR:
    case KafkaLogLevel.NOTHING:
      return 'error';
    case KafkaLogLevel.WARN:
      return 'warn';
    case KafkaLogLevel.INFO:
      return 'info';
    default:
      return 'debug';
  }
};

export function createKafka(
  settings: KafkaSettings,
  logger: Logger,
  options: KafkaClientOptions = {},
): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: settings.kafkaClientId,
    brokers: settings.kafkaBrokers,
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: { retries: options.retries ?? 5, initialRetryTime: 200, maxRetryTime: 5_000 },
    // kafkajs INFO is per-connection chatter; warnings and errors are what an operator needs.
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
        if (QUIET.some((quiet) => message.startsWith(quiet))) return;
        kafkaLogger[toLevel(level)]({ namespace, ...fields }, message);
      },
  });
}

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Creates the topics that do not exist yet; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<string[]> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.numPartitions,
          replicationFactor: -1,
        })),
      });
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

/** Readiness: the cluster answers a metadata request within the timeout. */
export async function pingKafka(kafka: Kafka, timeoutMs: number): Promise<void> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  const timer = new Promise<never>((_, reject) => {
    setTimeout(
      () => reject(new Error(`Kafka did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    ).unref();
  });
  try {
    await Promise.race([
      (async () => {
        await admin.connect();
        await admin.describeCluster();
      })(),
      timer,
    ]);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
