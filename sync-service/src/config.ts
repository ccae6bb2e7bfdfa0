// The sync service's settings, from environment variables with local-development defaults that
// match build/scripts/services-up.sh. Invalid values fail at start-up with a clear message.
export interface SyncConfig {
  kafkaBrokers: string[];
  kafkaClientId: string;
  databaseUrl: string;
  eventsTopic: string;
  eventsTopicPartitions: number;
  dlqTopic: string;
  consumerGroup: string;
  host: string;
  port: number;
  adminToken: string;
  /** True when SYNC_ADMIN_TOKEN was not set and the well-known development token is in use. */
  adminTokenIsDefault: boolean;
  /** How long the gateway waits for Kafka to acknowledge a batch before answering 503. */
  kafkaSendTimeoutMs: number;
  /** Seconds sent in Retry-After when Kafka or Postgres is unavailable. */
  retryAfterSeconds: number;
  /** Cache lifetime of a verified till token (revocation takes at most this long to bite). */
  tokenCacheTtlMs: number;
  /** On shutdown, how long in-flight requests may finish before connections are cut. */
  shutdownDrainMs: number;
  /**
   * How long the consumer group waits for a silent warehouse consumer (crashed, SIGKILLed, cut
   * off) before handing its partitions to the others: the warehouse's stall after a crash.
   */
  consumerSessionTimeoutMs: number;
  /** How often a consumer tells the group it is alive; well under a third of the session. */
  consumerHeartbeatMs: number;
  /**
   * Events the warehouse consumer applies per Postgres transaction (SUB_BATCH_SIZE; whole Kafka
   * records, so a sub-batch may run a record past it). Larger costs less per line; smaller holds
   * less work to replay after a crash.
   */
  consumerSubBatchSize: number;
  /** Partitions one consumer applies at once (PARTITIONS_CONCURRENTLY), each with its own connection. */
  consumerPartitionsConcurrently: number;
  logLevel: LogLevelName;
  /** HQ console sessions end after this long without a request (HQ_SESSION_IDLE_MINUTES). */
  consoleSessionIdleMs: number;
  /** ... and this long after sign-in whatever the activity (HQ_SESSION_MAX_HOURS). */
  consoleSessionMaxMs: number;
  /**
   * The address tills must use to reach this service, put in enrollment codes and their QR text
   * (SYNC_PUBLIC_URL); null: derived from each request's protocol and Host.
   */
  syncPublicUrl: string | null;
  /**
   * Behind a TLS-terminating reverse proxy (TRUST_PROXY=true): take the protocol, host and client
   * address from X-Forwarded-*, so the session cookie is marked Secure and login limits count the
   * real client. Never enable it without such a proxy: clients could then forge those headers.
   */
  trustProxy: boolean;
  /** Where the built console web app is (HQ_CONSOLE_DIR); null: renderer/dist-console. */
  consoleDir: string | null;
  /** Open analytics event streams per process (SSE_MAX_STREAMS); more get 429 TOO_MANY_STREAMS. */
  sseMaxStreams: number;
  /** ... and per till (SSE_MAX_STREAMS_PER_TILL). */
  sseMaxStreamsPerTill: number;
  /**
   * POST /v1/enroll per client address: failed tries per window (ENROLL_MAX_FAILURES per
   * ENROLL_WINDOW_SECONDS) and tries at once (ENROLL_MAX_CONCURRENT; each holds one of the pool's
   * connections); beyond either, 429 RATE_LIMITED with Retry-After.
   */
  enrollMaxFailures: number;
  enrollWindowMs: number;
  enrollMaxConcurrent: number;
  /** How far ahead of the gateway's clock an event may be (EVENT_MAX_FUTURE_SKEW_SECONDS). */
  eventMaxFutureSkewMs: number;
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export const DEFAULT_ADMIN_TOKEN = 'dev-admin-token';

/** Every invalid setting has this code, so a supervisor or test can tell it from a crash. */
export const CONFIG_INVALID = 'CONFIG_INVALID';

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = CONFIG_INVALID;
}

type Env = Record<string, string | undefined>;

const text = (env: Env, name: string, fallback: string): string => {
  const value = env[name]?.trim();
  return value ? value : fallback;
};

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
};

const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const topic = (env: Env, name: string, fallback: string): string => {
  const value = text(env, name, fallback);
  if (!TOPIC.test(value))
    throw new ConfigError(`${name} is not a valid Kafka topic name: "${value}"`);
  return value;
};

const LOG_LEVELS: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

// 10 s rather than kafkajs's 30 s: a dead consumer's partitions move on three times sooner, and
// still no healthy one is evicted, as each heartbeats every second and after every sub-batch (a
// sub-batch transaction takes well under a second). The broker accepts 6 s to 30 min by default
// (group.min/max.session.timeout.ms).
const consumerLiveness = (
  env: Env,
): Pick<SyncConfig, 'consumerSessionTimeoutMs' | 'consumerHeartbeatMs'> => {
  const consumerSessionTimeoutMs = integer(
    env,
    'CONSUMER_SESSION_TIMEOUT_MS',
    10_000,
    6_000,
    1_800_000,
  );
  const consumerHeartbeatMs = integer(env, 'CONSUMER_HEARTBEAT_MS', 1_000, 100, 600_000);
  if (consumerHeartbeatMs * 3 > consumerSessionTimeoutMs)
    throw new ConfigError(
      `CONSUMER_HEARTBEAT_MS (${consumerHeartbeatMs}) must be at most a third of CONSUMER_SESSION_TIMEOUT_MS (${consumerSessionTimeoutMs})`,
    );
  return { consumerSessionTimeoutMs, consumerHeartbeatMs };
};

// 5,000: up to a whole fetch per partition (4 MB ≈ 4,000 events); fewer, larger transactions
// cost less per line. 2 partitions at once: each holds a pool connection and its own transaction.
const consumerThroughput = (
  env: Env,
): Pick<SyncConfig, 'consumerSubBatchSize' | 'consumerPartitionsConcurrently'> => ({
  consumerSubBatchSize: integer(env, 'SUB_BATCH_SIZE', 5_000, 1, 1_000_000),
  consumerPartitionsConcurrently: integer(env, 'PARTITIONS_CONCURRENTLY', 2, 1, 1_000),
});

const publicUrl = (env: Env): string | null => {
  const raw = env.SYNC_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`SYNC_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`SYNC_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  if (url.search || url.hash)
    throw new ConfigError('SYNC_PUBLIC_URL must not carry a query or fragment');
  return raw.replace(/\/+$/, '');
};

const flag = (env: Env, name: string): boolean => {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return false;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
};

const consoleSessions = (
  env: Env,
): Pick<SyncConfig, 'consoleSessionIdleMs' | 'consoleSessionMaxMs'> => {
  const idleMinutes = integer(env, 'HQ_SESSION_IDLE_MINUTES', 12 * 60, 5, 7 * 24 * 60);
  const maxHours = integer(env, 'HQ_SESSION_MAX_HOURS', 7 * 24, 1, 90 * 24);
  if (idleMinutes > maxHours * 60)
    throw new ConfigError(
      `HQ_SESSION_IDLE_MINUTES (${idleMinutes}) must not exceed HQ_SESSION_MAX_HOURS (${maxHours}) in minutes`,
    );
  return { consoleSessionIdleMs: idleMinutes * 60_000, consoleSessionMaxMs: maxHours * 3_600_000 };
};

export function loadConfig(env: Env = process.env): SyncConfig {
  const brokers = text(env, 'KAFKA_BROKERS', '127.0.0.1:19092')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      throw new ConfigError(`KAFKA_BROKERS entries must be host:port, got "${broker}"`);
    }
  }
  const databaseUrl = text(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:15432/pos');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const adminTokenRaw = env.SYNC_ADMIN_TOKEN?.trim();
  if (!adminTokenRaw && env.NODE_ENV === 'production') {
    throw new ConfigError('SYNC_ADMIN_TOKEN must be set when NODE_ENV=production');
  }
  if (adminTokenRaw !== undefined && adminTokenRaw !== '' && adminTokenRaw.length < 16) {
    throw new ConfigError('SYNC_ADMIN_TOKEN must be at least 16 characters');
  }
  const logLevel = text(env, 'LOG_LEVEL', 'info') as LogLevelName;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    kafkaBrokers: brokers,
    kafkaClientId: text(env, 'KAFKA_CLIENT_ID', 'pos-sync-service'),
    databaseUrl,
    eventsTopic: topic(env, 'EVENTS_TOPIC', 'pos.events.v1'),
    eventsTopicPartitions: integer(env, 'EVENTS_TOPIC_PARTITIONS', 12, 1, 1_000),
    dlqTopic: topic(env, 'DLQ_TOPIC', 'pos.events.dlq.v1'),
    consumerGroup: text(env, 'CONSUMER_GROUP', 'warehouse'),
    host: text(env, 'HOST', '127.0.0.1'),
    port: integer(env, 'PORT', 8787, 0, 65_535),
    adminToken: adminTokenRaw || DEFAULT_ADMIN_TOKEN,
    adminTokenIsDefault: !adminTokenRaw,
    kafkaSendTimeoutMs: integer(env, 'KAFKA_SEND_TIMEOUT_MS', 10_000, 100, 300_000),
    retryAfterSeconds: integer(env, 'RETRY_AFTER_SECONDS', 5, 1, 3_600),
    tokenCacheTtlMs: integer(env, 'TOKEN_CACHE_TTL_MS', 60_000, 0, 3_600_000),
    shutdownDrainMs: integer(env, 'SHUTDOWN_DRAIN_MS', 10_000, 0, 600_000),
    ...consumerLiveness(env),
    ...consumerThroughput(env),
    logLevel,
    ...consoleSessions(env),
    syncPublicUrl: publicUrl(env),
    trustProxy: flag(env, 'TRUST_PROXY'),
    consoleDir: env.HQ_CONSOLE_DIR?.trim() || null,
    sseMaxStreams: integer(env, 'SSE_MAX_STREAMS', 1_000, 1, 1_000_000),
    sseMaxStreamsPerTill: integer(env, 'SSE_MAX_STREAMS_PER_TILL', 4, 1, 1_000),
    enrollMaxFailures: integer(env, 'ENROLL_MAX_FAILURES', 10, 1, 100_000),
    enrollWindowMs: integer(env, 'ENROLL_WINDOW_SECONDS', 600, 1, 86_400) * 1_000,
    enrollMaxConcurrent: integer(env, 'ENROLL_MAX_CONCURRENT', 8, 1, 1_000),
    eventMaxFutureSkewMs: integer(env, 'EVENT_MAX_FUTURE_SKEW_SECONDS', 300, 0, 86_400) * 1_000,
  };
}
