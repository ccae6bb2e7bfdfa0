// Chain load benchmark: S stores × T tills (default 200 × 2) of real till cores, run by the
// simulator in a few worker processes, ring and push concurrently for a sustained period against
// the real gateway, Kafka, warehouse consumer and Postgres. Reports throughput, freshness, gateway
// latency, consumer lag, peak RSS and CPU per process, and lost/duplicated (must be 0). Then the
// consumer scaling: the tills top the topic up to a backlog (at --fill-rate sales/s per till), and
// that backlog is drained once by one consumer and once by two in one group
// (chain/consumerScaling.ts).
// Usage: npm run bench -- chain [--json] [--stores=200] [--tills=2] [--seconds=60] [--rate=0.5]
//        [--workers=4] [--products=40] [--backlog=40000] [--fill-rate=2] [--fill-seconds=60]
//        [--consumers=2]
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
  cpuSeconds,
  freshnessMs,
  gatewayLatencyBuckets,
  hostCpu,
  peakRssMb,
  percentile,
  topicMessages,
} from '../chain/chainMeasures';
import { drainBacklog } from '../chain/consumerScaling';

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
  /** CPU seconds each process used while the tills rang, and the machine's busy share. */
  cpu: Record<string, number>;
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
    const processes = (): Record<string, number | undefined> => ({
      gateway: world.gateway?.child.pid,
      consumer: world.consumers[0]?.child.pid,
      ...Object.fromEntries(runner!.pids().map((pid, i) => [`sim_worker${i + 1}`, pid])),
    });
    const cpuNow = () => ({
      host: hostCpu(),
      procs: Object.fromEntries(
        Object.entries(processes()).map(([k, pid]) => [k, cpuSeconds(pid)]),
      ),
    });
    const before = await gatewayLatencyBuckets(world.url);
    const cpu0 = cpuNow();
    const t0 = Date.now();
    runner.go({
      firstDay: today - 2 * 365,
      days: 3_000,
      salesPerSecond: rate,
      maxRealMs: seconds * 1_000,
    });
    await runner.generated();
    const t1 = Date.now();
    const cpu1 = cpuNow();
    const lagAtEnd = await consumerLag(world.env.EVENTS_TOPIC!, world.env.CONSUMER_GROUP!);
    const after = await gatewayLatencyBuckets(world.url);
    console.log(
      `load: rang for ${((t1 - t0) / 1_000).toFixed(0)} s, lag at end ${lagAtEnd}; draining`,
    );
    await runner.drained();
    await settle();
    const secs = (t1 - t0) / 1_000;
    const load: PhaseWindow = {
      t0,
      t1,
      lagAtEnd,
      gatewayP99Ms: bucketQuantileMs(before, after, 0.99),
      cpu: {
        ...Object.fromEntries(
          Object.keys(cpu1.procs).map((k) => [
            `${k}_cpu_pct`,
            Math.round((((cpu1.procs[k] ?? 0) - (cpu0.procs[k] ?? 0)) / secs) * 100),
          ]),
        ),
        host_cpu_busy_pct: Math.round(
          ((cpu1.host.busy - cpu0.host.busy) / Math.max(1, cpu1.host.total - cpu0.host.total)) *
            100,
        ),
      },
    };

    // The backlog for the scaling measurement: the tills ring on (other calendar days, paced:
    // ringing flat out made the simulator's own memory balloon) until the topic holds enough.
    const backlog = arg(args, 'backlog', 40_000);
    const fillMs = arg(args, 'fill-seconds', 60) * 1_000;
    const fillStart = Date.now();
    runner.resetProgress();
    runner.go({
      firstDay: today - 365,
      days: 3_000,
      salesPerSecond: arg(args, 'fill-rate', 2),
      maxRealMs: fillMs,
    });
    while (
      (await topicMessages(world.env.EVENTS_TOPIC!)) < backlog &&
      Date.now() - fillStart < fillMs
    )
      await sleep(1_000);
    runner.finish();
    await runner.generated();
    await runner.drained();
    await settle();
    const simWorkersPeakRssMb = runner.pids().reduce((n, pid) => n + peakRssMb(pid), 0);
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
        ...w.cpu,
      };
    };
    const f1 = await figures(load);
    const rss: Record<string, number> = { sim_workers_peak_rss_mb: simWorkersPeakRssMb };
    if (world.gateway) rss.gateway_peak_rss_mb = mb(world.gateway.peakRssBytes());
    world.consumers.forEach((c, i) => (rss[`consumer${i + 1}_peak_rss_mb`] = mb(c.peakRssBytes())));

    // Consumer scaling on the backlog the run left in the topic.
    const expected = await warehouseCount(world.pool, storeIds);
    const instances = arg(args, 'consumers', 2);
    console.log(`draining the ${expected}-event backlog with 1, then ${instances} consumers`);
    const drainOne = await drainBacklog(world, 1, expected);
    const drainMany = await drainBacklog(world, instances, expected);
    return {
      stores,
      tills: tills.length,
      seconds: seconds,
      rate_sales_per_s_per_till: rate,
      ...f1,
      ...rss,
      backlog_events: expected,
      drain_one_consumer: drainOne,
      [`drain_${instances}_consumers`]: drainMany,
      two_consumer_throughput_ratio:
        Math.round((drainMany.events_per_s / Math.max(1, drainOne.events_per_s)) * 100) / 100,
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
