import { describe, expect, it } from 'vitest';
import { CONFIG_INVALID, ConfigError, DEFAULT_ADMIN_TOKEN, loadConfig } from './config';

describe('loadConfig', () => {
  it('has local defaults matching build/scripts/services-up.sh', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      kafkaBrokers: ['127.0.0.1:19092'],
      databaseUrl: 'postgres://postgres@127.0.0.1:15432/pos',
      eventsTopic: 'pos.events.v1',
      eventsTopicPartitions: 12,
      dlqTopic: 'pos.events.dlq.v1',
      consumerGroup: 'warehouse',
      host: '127.0.0.1',
      port: 8787,
      adminToken: DEFAULT_ADMIN_TOKEN,
      adminTokenIsDefault: true,
      kafkaSendTimeoutMs: 10_000,
      consumerSessionTimeoutMs: 10_000,
      consumerHeartbeatMs: 1_000,
    });
  });

  it('keeps the consumer heartbeat well inside its session timeout', () => {
    expect(
      loadConfig({ CONSUMER_SESSION_TIMEOUT_MS: '30000', CONSUMER_HEARTBEAT_MS: '3000' }),
    ).toMatchObject({ consumerSessionTimeoutMs: 30_000, consumerHeartbeatMs: 3_000 });
    expect(() =>
      loadConfig({ CONSUMER_SESSION_TIMEOUT_MS: '6000', CONSUMER_HEARTBEAT_MS: '3000' }),
    ).toThrow(/CONSUMER_HEARTBEAT_MS .* a third/);
    // Below the broker's group.min.session.timeout.ms the join would be refused at run time.
    expect(() => loadConfig({ CONSUMER_SESSION_TIMEOUT_MS: '1000' })).toThrow(
      /CONSUMER_SESSION_TIMEOUT_MS/,
    );
  });

  it('reads the warehouse consumer throughput settings, refusing bad ones with a code', () => {
    expect(loadConfig({})).toMatchObject({
      consumerSubBatchSize: 5_000,
      consumerPartitionsConcurrently: 2,
    });
    expect(loadConfig({ SUB_BATCH_SIZE: '250', PARTITIONS_CONCURRENTLY: '4' })).toMatchObject({
      consumerSubBatchSize: 250,
      consumerPartitionsConcurrently: 4,
    });
    for (const bad of [
      { SUB_BATCH_SIZE: '0' },
      { SUB_BATCH_SIZE: 'lots' },
      { SUB_BATCH_SIZE: '2.5' },
      { PARTITIONS_CONCURRENTLY: '0' },
      { PARTITIONS_CONCURRENTLY: '-1' },
    ]) {
      const name = Object.keys(bad)[0] ?? '';
      let thrown: unknown;
      try {
        loadConfig(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect(thrown).toMatchObject({
        code: CONFIG_INVALID,
        message: expect.stringContaining(name),
      });
    }
  });

  it('reads the environment', () => {
    const config = loadConfig({
      KAFKA_BROKERS: 'a:1, b:2',
      SYNC_ADMIN_TOKEN: 'a-long-enough-admin-token',
      PORT: '0',
      KAFKA_SEND_TIMEOUT_MS: '2500',
      EVENTS_TOPIC: 'x.events',
    });
    expect(config.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(config.adminToken).toBe('a-long-enough-admin-token');
    expect(config.adminTokenIsDefault).toBe(false);
    expect(config.port).toBe(0);
    expect(config.kafkaSendTimeoutMs).toBe(2_500);
    expect(config.eventsTopic).toBe('x.events');
  });

  it('refuses bad values with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ KAFKA_BROKERS: 'nohost' })).toThrow(/host:port/);
    expect(() => loadConfig({ EVENTS_TOPIC: 'bad topic' })).toThrow(/topic/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(() => loadConfig({ SYNC_ADMIN_TOKEN: 'short' })).toThrow(/16/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SYNC_ADMIN_TOKEN/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads the HQ console settings', () => {
    const defaults = loadConfig({});
    expect(defaults.consoleSessionIdleMs).toBe(12 * 3_600_000);
    expect(defaults.consoleSessionMaxMs).toBe(7 * 24 * 3_600_000);
    expect(defaults.syncPublicUrl).toBeNull();
    expect(defaults.trustProxy).toBe(false);
    const set = loadConfig({
      HQ_SESSION_IDLE_MINUTES: '30',
      HQ_SESSION_MAX_HOURS: '8',
      SYNC_PUBLIC_URL: 'https://hq.example.com/',
      TRUST_PROXY: 'true',
    });
    expect(set.consoleSessionIdleMs).toBe(30 * 60_000);
    expect(set.consoleSessionMaxMs).toBe(8 * 3_600_000);
    expect(set.syncPublicUrl).toBe('https://hq.example.com');
    expect(set.trustProxy).toBe(true);
    expect(() => loadConfig({ SYNC_PUBLIC_URL: 'ftp://x' })).toThrow(/SYNC_PUBLIC_URL/);
    expect(() => loadConfig({ SYNC_PUBLIC_URL: 'not a url' })).toThrow(/SYNC_PUBLIC_URL/);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ HQ_SESSION_IDLE_MINUTES: '1' })).toThrow(/HQ_SESSION_IDLE/);
    expect(() => loadConfig({ HQ_SESSION_IDLE_MINUTES: '600', HQ_SESSION_MAX_HOURS: '2' })).toThrow(
      /must not exceed/,
    );
  });

  it('reads the stream and enrollment limits, with sane defaults', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      sseMaxStreams: 1_000,
      sseMaxStreamsPerTill: 4,
      enrollMaxFailures: 10,
      enrollWindowMs: 600_000,
      enrollMaxConcurrent: 8,
    });
    const set = loadConfig({
      SSE_MAX_STREAMS: '50',
      SSE_MAX_STREAMS_PER_TILL: '2',
      ENROLL_MAX_FAILURES: '5',
      ENROLL_WINDOW_SECONDS: '60',
      ENROLL_MAX_CONCURRENT: '3',
    });
    expect(set).toMatchObject({
      sseMaxStreams: 50,
      sseMaxStreamsPerTill: 2,
      enrollMaxFailures: 5,
      enrollWindowMs: 60_000,
      enrollMaxConcurrent: 3,
    });
    expect(() => loadConfig({ SSE_MAX_STREAMS_PER_TILL: '0' })).toThrow(/SSE_MAX_STREAMS_PER_TILL/);
    expect(() => loadConfig({ ENROLL_MAX_CONCURRENT: 'many' })).toThrow(/ENROLL_MAX_CONCURRENT/);
  });
});
