// The sync benchmark's environment: fresh databases and topics on the real services, the sync
// service (gateway + analytics roles) in-process, enrolled tills, and a warehouse consumer in a
// child process so its memory and CPU are its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { freePort } from '../../../electron/test/sync/syncServiceProcess';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig, type SyncConfig } from '../../../sync-service/src/config';
import { migrate } from '../../../sync-service/src/db/migrate';
import { createPool } from '../../../sync-service/src/db/pool';
import { createLogger } from '../../../sync-service/src/ops/logger';
import { createSyncService, type SyncService } from '../../../sync-service/src/service';

const children = new Set<ChildProcess>();
// A failing benchmark must not leave its child processes behind (they would hold its pipes).
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:15432/pos';
export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
export const ADMIN_TOKEN = `bench-admin-${randomBytes(8).toString('hex')}`;
// Extra node flags for the gateway and consumer children, e.g. for profiling:
// BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (NODE_OPTIONS refuses --cpu-prof).
const CHILD_NODE_ARGS = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);

const withDatabase = (database: string): string => {
  const u = new URL(DATABASE_URL);
  u.pathname = `/${database}`;
  return u.toString();
};

const admin = async (sql: string): Promise<void> => {
  const c = new pg.Client({ connectionString: withDatabase('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

export interface BenchDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database. */
export const freshDatabase = async (label: string): Promise<BenchDatabase> => {
  const name = `pos_bench_${label}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(name);
  const pool = createPool(url, { max: 8, applicationName: `bench-${label}` });
  await migrate(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};

export interface BenchService {
  url: string;
  config: SyncConfig;
  service: SyncService;
}

const serviceEnv = (db: BenchDatabase, topic: string, port: number): Record<string, string> => ({
  KAFKA_BROKERS,
  DATABASE_URL: db.url,
  SYNC_ADMIN_TOKEN: ADMIN_TOKEN,
  PORT: String(port),
  LOG_LEVEL: 'error',
  EVENTS_TOPIC: topic,
  DLQ_TOPIC: `${topic}.dlq`,
  EVENTS_TOPIC_PARTITIONS: '3',
});

/** The sync service in this process with the given roles. */
export const startService = async (
  db: BenchDatabase,
  topic: string,
  roles: readonly ('gateway' | 'analytics')[],
): Promise<BenchService> => {
  const config: SyncConfig = loadConfig(serviceEnv(db, topic, 0));
  const service = await createSyncService(config, roles, createLogger('error'));
  return { url: await service.listen(), config, service };
};

/** The gateway as its own process (sync-service/src/gatewayMain.ts), as it is deployed. */
export const startGatewayProcess = async (
  db: BenchDatabase,
  topic: string,
): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> => {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...CHILD_NODE_ARGS, '--import', 'tsx', 'sync-service/src/gatewayMain.ts'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...serviceEnv(db, topic, port) },
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const up = async (): Promise<boolean> =>
    (await fetch(`${url}/healthz`).catch(() => null))?.ok === true;
  await waitUntil('gateway up', up, 60_000, 200);
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
};

export interface EnrolledTill {
  storeId: string;
  tillId: string;
  token: string;
  timeZone: string;
}

const call = async (
  url: string,
  method: string,
  body: unknown,
  token = ADMIN_TOKEN,
): Promise<Record<string, unknown>> => {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};

export const enrollTill = async (
  base: string,
  storeId: string,
  timeZone: string,
  region: string,
): Promise<EnrolledTill> => {
  await call(`${base}/v1/admin/stores`, 'POST', {
    storeId,
    name: `Shop ${storeId}`,
    city: 'Bench',
    region,
    country: 'US',
    currency: 'USD',
    timeZone,
  });
  const till = await call(`${base}/v1/admin/stores/${storeId}/tills`, 'POST', { name: 'Till 1' });
  const enrolled = await call(`${base}/v1/enroll`, 'POST', { code: till.enrollmentCode });
  return { storeId, tillId: String(till.tillId), token: String(enrolled.token), timeZone };
};

export interface ConsumerChild {
  process: ChildProcess;
  /** Peak resident set size (VmHWM) in MB, read from /proc while it runs. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export const startConsumerProcess = (
  dbUrl: string,
  topic: string,
  group: string,
): ConsumerChild => {
  const child = spawn(
    process.execPath,
    [...CHILD_NODE_ARGS, '--import', 'tsx', 'sync-service/src/consumerMain.ts'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        KAFKA_BROKERS,
        DATABASE_URL: dbUrl,
        EVENTS_TOPIC: topic,
        DLQ_TOPIC: `${topic}.dlq`,
        CONSUMER_GROUP: group,
        // Its /metrics and /readyz on a free port: a bench runs several consumers at once.
        PORT: '0',
        LOG_LEVEL: 'warn',
        SUB_BATCH_SIZE: '5000',
        PARTITIONS_CONCURRENTLY: '3',
      },
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  return {
    process: child,
    peakRssMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        return Math.round(kb / 1024);
      } catch {
        return 0;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
};

export const waitUntil = async (
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 50,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

export const scalar = async (pool: pg.Pool, sql: string): Promise<number> =>
  Number(Object.values((await pool.query(sql)).rows[0] ?? {})[0] ?? 0);

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
