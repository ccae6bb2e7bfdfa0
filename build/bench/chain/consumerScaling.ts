// Consumer scaling, measured on a backlog: the events topic already holds everything the chain
// sent (filled by the simulator through the real gateway), and it is drained from the beginning
// once by one consumer instance and once by N instances in one group, each time with a fresh
// consumer group and a fresh, migrated database, so both runs do exactly the same work. The
// drain rate is taken between the moments 10 % and 90 % of the backlog had been applied: group
// joins, the first rebalance and the last stragglers are not consumer throughput.
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../../sync-service/src/db/migrate';
import type { FaultEnvironment } from '../../faults/faultEnvironment';
import { startServiceProcess, type ServiceProcess } from '../../faults/serviceProcess';
import { createTestDatabase, uniqueTopic } from '../../test/serviceEnv';

export interface DrainFigures {
  instances: number;
  events: number;
  /** From the first consumer's start to the last event applied. */
  drain_s: number;
  /** Events per second between 10 % and 90 % of the backlog applied. */
  events_per_s: number;
  peak_rss_mb: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const drainBacklog = async (
  world: FaultEnvironment,
  instances: number,
  expected: number,
  timeoutMs = 600_000,
): Promise<DrainFigures> => {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const consumers: ServiceProcess[] = [];
  try {
    await migrate(pool);
    const env = {
      ...world.env,
      PORT: '0',
      DATABASE_URL: database.url,
      CONSUMER_GROUP: uniqueTopic('bench.drain'),
    };
    const started = performance.now();
    // Started together, so the group forms once instead of rebalancing under way.
    consumers.push(
      ...(await Promise.all(
        Array.from({ length: instances }, (_, i) =>
          startServiceProcess(
            `drain ${instances}x consumer ${i + 1}`,
            'sync-service/src/consumerMain.ts',
            env,
            /listening on http/,
            join(world.logDir, `drain-${instances}x-${i + 1}.log`),
          ),
        ),
      )),
    );
    const count = async (): Promise<number> =>
      Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]?.n);
    const deadline = Date.now() + timeoutMs;
    while ((await count()) < expected) {
      if (Date.now() > deadline)
        throw new Error(`drain with ${instances} consumer(s): ${await count()} of ${expected}`);
      await sleep(250);
    }
    const drainS = (performance.now() - started) / 1_000;
    const { rows } = await pool.query<{ p10: number; p90: number }>(
      `SELECT extract(epoch FROM percentile_disc(0.1) WITHIN GROUP (ORDER BY applied_at))::float8 AS p10,
              extract(epoch FROM percentile_disc(0.9) WITHIN GROUP (ORDER BY applied_at))::float8 AS p90
       FROM events`,
    );
    const window = Math.max(0.001, (rows[0]?.p90 ?? 0) - (rows[0]?.p10 ?? 0));
    return {
      instances,
      events: expected,
      drain_s: Math.round(drainS * 10) / 10,
      events_per_s: Math.round((0.8 * expected) / window),
      peak_rss_mb: consumers.map((c) => Math.round(c.peakRssBytes() / 1_048_576)),
    };
  } finally {
    await Promise.all(consumers.map((c) => c.stop()));
    await pool.end().catch(() => undefined);
    await database.drop();
  }
};
