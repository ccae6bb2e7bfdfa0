// `npm run sync-service` as a real process: starts gateway + consumer + analytics on one port,
// prints where it listens, is ready against the real Kafka and Postgres, and stops cleanly on
// SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  KAFKA_BROKERS,
  uniqueTopic,
  type TestDatabase,
} from '../../build/test/serviceEnv';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('sync-service process', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('prints its URL, answers /readyz and exits 0 on SIGTERM', async () => {
    const topic = uniqueTopic('main.events');
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-service/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: db.url,
        KAFKA_BROKERS: KAFKA_BROKERS.join(','),
        EVENTS_TOPIC: topic,
        DLQ_TOPIC: `${topic}.dlq`,
        EVENTS_TOPIC_PARTITIONS: '2',
        CONSUMER_GROUP: `${topic}.group`,
        SYNC_ADMIN_TOKEN: 'main-test-admin-token',
        LOG_LEVEL: 'info',
        SHUTDOWN_DRAIN_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "listening on" line:\n${output}`)),
          60_000,
        );
        const check = (): void => {
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`exited early:\n${output}`)));
      });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('sync_consumer_lag_total');
      const stores = await fetch(`${url}/v1/admin/stores`, {
        headers: { authorization: 'Bearer main-test-admin-token' },
      });
      expect(stores.status).toBe(200);
      // A live analytics event stream must not keep the process from shutting down.
      const stream = await fetch(`${url}/v1/analytics/stream?scope=chain`, {
        headers: { authorization: 'Bearer main-test-admin-token' },
      });
      expect(stream.status).toBe(200);
      const reader = stream.body?.getReader();
      const first = await reader?.read();
      expect(new TextDecoder().decode(first?.value)).toContain('event: ready');
      void reader?.closed.catch(() => undefined);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000)),
    ]);
    if (code === 'timeout') child.kill('SIGKILL');
    expect(code, output).toBe(0);
    expect(output).toContain('shutting down');
  });
});
