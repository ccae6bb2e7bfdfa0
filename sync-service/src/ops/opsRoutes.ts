// Operations endpoints: liveness, readiness (Kafka and Postgres reachable) and Prometheus metrics.
// /readyz is public (load balancers, tills' operators): it says which dependency is down and how
// long the check took, never the error's text (host names, ports, driver messages), which is
// logged instead. Its Kafka check reuses one admin connection (kafkaProbe.ts).
import type { FastifyInstance } from 'fastify';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { createKafkaProbe } from './kafkaProbe';
import type { Logger } from './logger';
import type { MetricsRegistry } from './metrics';

export interface OpsRouteDeps {
  pool: Pool;
  kafka: Kafka;
  metrics: MetricsRegistry;
  /** Per-check timeout of /readyz. */
  readinessTimeoutMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

interface CheckResult {
  ok: boolean;
  ms: number;
}

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

  const kafkaProbe = createKafkaProbe(deps.kafka);
  app.addHook('onClose', () => kafkaProbe.close());
  const timed = async (dependency: string, check: () => Promise<unknown>): Promise<CheckResult> => {
    const started = performance.now();
    try {
      await check();
      return { ok: true, ms: Math.round(performance.now() - started) };
    } catch (error) {
      deps.logger?.warn({ error, dependency }, 'readiness check failed');
      return { ok: false, ms: Math.round(performance.now() - started) };
    }
  };

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const [postgres, kafka] = await Promise.all([
      timed('postgres', () => withTimeout(deps.pool.query('SELECT 1'), timeoutMs, 'Postgres')),
      timed('kafka', () => kafkaProbe.check(timeoutMs)),
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
