// Mounts the analytics API (owned by the warehouse side: src/analytics/routes.ts exporting
// registerAnalyticsRoutes(app, deps)). Loaded by a computed specifier so the gateway builds and
// runs while that module does not exist yet; once it does, this can become a static import.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { SyncConfig } from './config';
import type { TillGuard } from './gateway/tillGuard';
import type { Logger } from './ops/logger';
import type { MetricsRegistry } from './ops/metrics';

export interface AnalyticsWiringDeps {
  pool: pg.Pool;
  logger: Logger;
  metrics: MetricsRegistry;
  config: SyncConfig;
  adminGuard: (request: FastifyRequest) => Promise<void>;
  tillGuard: TillGuard;
}

type RegisterAnalyticsRoutes = (
  app: FastifyInstance,
  deps: AnalyticsWiringDeps,
) => void | Promise<void>;

const ANALYTICS_ROUTES_MODULE = './analytics/routes';

export async function registerAnalyticsRoles(
  app: FastifyInstance,
  deps: AnalyticsWiringDeps,
): Promise<boolean> {
  let loaded: { registerAnalyticsRoutes?: unknown };
  try {
    loaded = (await import(/* @vite-ignore */ ANALYTICS_ROUTES_MODULE)) as {
      registerAnalyticsRoutes?: unknown;
    };
  } catch (error) {
    deps.logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      'analytics API not available',
    );
    return false;
  }
  if (typeof loaded.registerAnalyticsRoutes !== 'function') {
    deps.logger.warn({}, 'src/analytics/routes.ts does not export registerAnalyticsRoutes');
    return false;
  }
  await (loaded.registerAnalyticsRoutes as RegisterAnalyticsRoutes)(app, deps);
  return true;
}
