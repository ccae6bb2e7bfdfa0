// /readyz against real clients: with Postgres and Kafka unreachable it answers 503 naming which
// dependency is down without the drivers' error text (addresses, ports); with the real Kafka it
// keeps one admin connection across probes instead of connecting for each.
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, KAFKA_BROKERS } from '../../../build/test/serviceEnv';
import { buildHttpServer } from '../http/server';
import { createKafka } from '../kafka/kafka';
import { createLogger } from './logger';
import { createMetricsRegistry } from './metrics';
import { registerOpsRoutes } from './opsRoutes';

const logger = createLogger('error', { test: 'readiness' }, () => undefined);
const settings = (brokers: string[]) => ({ kafkaBrokers: brokers, kafkaClientId: 'readiness' });
const closers: (() => Promise<unknown>)[] = [];

const opsApp = (pool: pg.Pool, kafka: Kafka) => {
  const app = buildHttpServer({ logger, metrics: createMetricsRegistry() });
  registerOpsRoutes(app, {
    pool,
    kafka,
    metrics: createMetricsRegistry(),
    readinessTimeoutMs: 1_500,
    logger,
  });
  closers.push(
    () => app.close(),
    () => pool.end(),
  );
  return app;
};

afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
});

describe('/readyz', () => {
  it('says which dependency is down, never the error text', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/pos' });
    pool.on('error', () => undefined);
    const kafka = createKafka(settings(['127.0.0.1:1']), logger, { retries: 0 });
    const app = opsApp(pool, kafka);
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    const body = res.json<{ status: string; checks: Record<string, Record<string, unknown>> }>();
    expect(body.status).toBe('not_ready');
    expect(Object.keys(body.checks.postgres!).sort()).toEqual(['ms', 'ok']);
    expect(Object.keys(body.checks.kafka!).sort()).toEqual(['ms', 'ok']);
    expect(body.checks).toMatchObject({ postgres: { ok: false }, kafka: { ok: false } });
    expect(res.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:1\b|connect/i);
  });

  it('reuses one Kafka admin connection across probes', async () => {
    const real = createKafka(settings(KAFKA_BROKERS), logger);
    let admins = 0;
    // The real client, counted: every admin() it hands out is a connection set-up.
    const counted = Object.create(real) as Kafka;
    counted.admin = (...args: Parameters<Kafka['admin']>) => {
      admins++;
      return real.admin(...args);
    };
    const app = opsApp(new pg.Pool({ connectionString: DATABASE_URL }), counted);
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ready' });
    }
    expect(admins).toBe(1);
  });
});
