// Chain load benchmark: S stores × T tills (default 200 × 2) of real till cores, run by the
// simulator in a few worker processes, ring and push concurrently for a sustained period against
// the real gateway, Kafka, warehouse consumer and Postgres; then the same with two consumers.
// Reports throughput, freshness, gateway latency, consumer lag, peak RSS per service process,
// and lost/duplicated (must be 0).
// Usage: npm run bench -- chain [--json] [--stores=200] [--tills=2] [--seconds=60] [--rate=0.5]
//        [--workers=4] [--products=40]
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ChainRunner, enrolChain } from '../../simulator/chainRunner';
import { defaultDataRoot } from '../../simulator/simulatorArgs';
import { DAY_MS, IST_OFFSET_MS } from '../../simulator/tillSimulation';
import { readTillLedger } from '../../simulator/tillLedger';
import { verifyChain, warehouseCount } from '../../faults/chainInvariants';
import { ADMIN_TOKEN, FaultEnvironment } from '../../faults/faultEnvironment';
import {
  bucketQuantileMs,
  consumerLag,
  freshnessMs,
  gatewayLatencyBuckets,
  percentile,
} from '../chain/chainMeasures';

const arg = (args: string[], name: string, fallback: number): number => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

interface PhaseWindow {
  t0: number;
  t1: number;
  lagAtEnd: number;
  gatewayP99Ms: number | null;
}

export default async function chain(args: string[]): Promise<Record<string, unknown>> {
  const stores = arg(args, 'stores', 200);
  const tillsPerStore = arg(args, 'tills', 2);
  const seconds = arg(args, 'seconds', 60);
  const rate = arg(args, 'rate', 0.5);
  const world = await FaultEnvironment.create(12);
  const dataRoot = mkdtempSync(join(defaultDataRoot(), 'bench-chain-'));
  const options = {
    stores,
    tillsPerStore,
    seed: 11,
    products: arg(args, 'products', 40),
    hqUrl: world.url,
    adminToken: ADMIN_TOKEN,
    dataRoot,
    workers: arg(args, 'workers', 4),
    trackCommits: true,
    relay: { idlePollMs: 5_000 },
  };
  let runner: ChainRunner | null = null;
  try {
    const setupStart = performance.now();
    const tills = await enrolChain(options);
    const storeIds = [...new Set(tills.map((t) => t.storeId))];
    runner = new ChainRunner(options, tills);
    await runner.opened();
    const settle = async (): Promise<void> => {
      let last = -1;
      for (;;) {
        const n = await warehouseCount(world.pool, storeIds);
        if (
          n === last &&
          (await consumerLag(world.env.EVENTS_TOPIC!, world.env.CONSUMER_GROUP!)) === 0
        )
          return;
        last = n;
        await sleep(2_000);
      }
    };
    await settle();
    console.log(
      `${tills.length} tills set up and synced in ${((performance.now() - setupStart) / 1_000).toFixed(0)} s`,
    );

    const today = Math.floor((Date.now() + IST_OFFSET_MS) / DAY_MS);
    const phase = async (label: string, firstDay: number): Promise<PhaseWindow> => {
      runner!.resetProgress();
      const before = await gatewayLatencyBuckets(world.url);
      const t0 = Date.now();
      runner!.go({ firstDay, days: 3_000, salesPerSecond: rate, maxRealMs: seconds * 1_000 });
      await runner!.generated();
      const t1 = Date.now();
      const lagAtEnd = await consumerLag(world.env.EVENTS_TOPIC!, world.env.CONSUMER_GROUP!);
      const after = await gatewayLatencyBuckets(world.url);
      console.log(
        `${label}: rang for ${((t1 - t0) / 1_000).toFixed(0)} s, lag at end ${lagAtEnd}; draining`,
      );
      await runner!.drained();
      await settle();
      return { t0, t1, lagAtEnd, gatewayP99Ms: bucketQuantileMs(before, after, 0.99) };
    };
    // Both phases ring the same calendar days, so they offer the same shape of traffic.
    const one = await phase('one consumer', today - 2 * 365);
    await world.startConsumer();
    await sleep(5_000); // let the group rebalance before measuring
    const two = await phase('two consumers', today - 2 * 365);

    await runner.close();
    const ledgers = tills.map((t) => readTillLedger(t.key, t.dataDir));
    const verdict = await verifyChain(world.pool, ledgers, { afterId: 0, planted: 0 });

    const figures = async (w: PhaseWindow) => {
      const range = [new Date(w.t0), new Date(w.t1)];
      const q = async (sql: string) =>
        Number((await world.pool.query<{ n: string }>(sql, range)).rows[0]?.n ?? 0);
      const applied = await q(
        'SELECT count(*) AS n FROM events WHERE applied_at BETWEEN $1 AND $2',
      );
      const lines = await q(
        `SELECT count(*) AS n FROM sale_lines WHERE event_id IN
           (SELECT event_id FROM events WHERE applied_at BETWEEN $1 AND $2)`,
      );
      const inWindow = new Map([...runner!.commits].filter(([, at]) => at >= w.t0 && at <= w.t1));
      const fresh = await freshnessMs(world.pool, inWindow);
      const secs = (w.t1 - w.t0) / 1_000;
      return {
        events_per_s: Math.round(applied / secs),
        lines_per_s: Math.round(lines / secs),
        offered_events_per_s: Math.round(inWindow.size / secs),
        freshness_p50_ms: Math.round(percentile(fresh, 0.5)),
        freshness_p99_ms: Math.round(percentile(fresh, 0.99)),
        consumer_lag_at_end: w.lagAtEnd,
        gateway_p99_ms: w.gatewayP99Ms,
      };
    };
    const f1 = await figures(one);
    const f2 = await figures(two);
    const rss: Record<string, number> = {};
    if (world.gateway) rss.gateway_peak_rss_mb = mb(world.gateway.peakRssBytes());
    world.consumers.forEach((c, i) => (rss[`consumer${i + 1}_peak_rss_mb`] = mb(c.peakRssBytes())));
    return {
      stores,
      tills: tills.length,
      seconds_per_phase: seconds,
      rate_sales_per_s_per_till: rate,
      ...f1,
      two_consumers: f2,
      two_consumer_throughput_ratio:
        Math.round((f2.events_per_s / Math.max(1, f1.events_per_s)) * 100) / 100,
      ...rss,
      events_total: verdict.events,
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      violations: verdict.violations.length,
    };
  } finally {
    await runner?.close().catch(() => undefined);
    await world.close();
    rmSync(dataRoot, { recursive: true, force: true });
  }
}
