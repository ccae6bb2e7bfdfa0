// Integration-test support: runs the real sync service (gateway + warehouse consumer + analytics,
// sync-service/src/main.ts) as a child process against a test database and unique topics, on a
// fixed port so it can be stopped and started again at the same address, as an HQ outage looks
// to a till. A child process, not an import: the till core never links the service's code.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export interface SyncServiceEnv {
  databaseUrl: string;
  eventsTopic: string;
  dlqTopic: string;
  consumerGroup: string;
  port: number;
}

export interface RunningSyncService {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `tsx sync-service/src/main.ts` and resolves once it prints where it listens. */
export const startSyncService = (
  env: SyncServiceEnv,
  timeoutMs = 90_000,
): Promise<RunningSyncService> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-service/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        EVENTS_TOPIC: env.eventsTopic,
        EVENTS_TOPIC_PARTITIONS: '3',
        DLQ_TOPIC: env.dlqTopic,
        CONSUMER_GROUP: env.consumerGroup,
        PORT: String(env.port),
        LOG_LEVEL: 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        TOKEN_CACHE_TTL_MS: '0',
        RETRY_AFTER_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sync service did not start in time:\n${out.slice(-3_000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          output: () => out,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            // Graceful first (HTTP, consumer, producer, pool); a stuck shutdown is not this test's subject.
            const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(forced);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`sync service exited (${String(code)}) before listening:\n${out.slice(-3_000)}`),
      );
    });
  });

export const adminCall = async <T>(url: string, path: string, body: unknown): Promise<T> => {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer dev-admin-token' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
};

/** A store and a till on HQ; returns the one-time enrolment code. */
export const createStoreAndTill = async (
  url: string,
  name: string,
): Promise<{ storeId: string; tillId: string; code: string }> => {
  const store = await adminCall<{ storeId: string }>(url, '/v1/admin/stores', {
    name,
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
  });
  const till = await adminCall<{ storeId: string; tillId: string; enrollmentCode: string }>(
    url,
    `/v1/admin/stores/${store.storeId}/tills`,
    {
      name: `${name} till 1`,
    },
  );
  return { storeId: till.storeId, tillId: till.tillId, code: till.enrollmentCode };
};
