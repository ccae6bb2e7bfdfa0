// Operations endpoints: liveness, readiness (Kafka and Postgres reachable) and Prometheus metrics.
import type { FastifyInstance } from 'fastify';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { pingKafka } from '../kafka/kafka';
import type { MetricsRegistry } from './metrics';

export interface OpsRouteDeps {
  pool: Pool;
  kafka: Kafka;
  metrics: MetricsRegistry;
  /** Per-check timeout of /readyz. */
  readinessTimeoutMs?: number;
}

type CheckResult = { ok: true; ms: number } | { ok: false; ms: number; error: string };

const timed = async (check: () => Promise<unknown>): Promise<CheckResult> => {
  const started = performance.now();
  try {
    await check();
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
};

const withTimeout = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  const timeoutMs = deps.readinessTimeoutMs ?? 2_000;
  const up = deps.metrics.gauge(
    'sync_dependency_up',
    'Whether the last readiness check reached it.',
    ['dependency'],
  );

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const [postgres, kafka] = await Promise.all([
      timed(() => withTimeout(deps.pool.query('SELECT 1'), timeoutMs, 'Postgres')),
      timed(() => pingKafka(deps.kafka, timeoutMs)),
    ]);
    up.set(postgres.ok ? 1 : 0, { dependency: 'postgres' });
    up.set(kafka.ok ? 1 : 0, { dependency: 'kafka' });
    const ready = postgres.ok && kafka.ok;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', checks: { postgres, kafka } });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await deps.metrics.renderMetrics();
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });
}
