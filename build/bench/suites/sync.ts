// `npm run bench -- sync [--json] [--lines 200000] [--big-lines 10000000] [--fresh-seconds 20]
//  [--naive-seconds 20] [--skip-big]`
// End-to-end throughput (gateway → Kafka → consumer → Postgres rollups) against a single COPY and
// a naive one-insert-per-row consumer on the same rows; freshness at a steady 50 sales/s; month
// and year queries on rollups vs raw facts over a big dataset; a full replay adds nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import type { PosEvent } from '../../../shared/events';
import { generateEvents, type SyntheticOptions } from '../../../sync-service/test/syntheticEvents';
import { copyBaseline, naiveBaseline } from '../sync/baselines';
import {
  enrollTill,
  freshDatabase,
  KAFKA_BROKERS,
  ROOT,
  scalar,
  startConsumerProcess,
  startGatewayProcess,
  startService,
  waitUntil,
} from '../sync/benchEnvironment';
import { loadBigDataset, timeView } from '../sync/bigDataset';
import { cpuMeter, postgresBackends } from '../sync/cpuAccounting';
import { measureFreshness } from '../sync/freshness';
import { preparePush, pushAll } from '../sync/pipelinePush';

const option = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
};

const SPAN_DAYS = 28;

const log = (message: string): void => void process.stderr.write(`${message}\n`);
const rate = (n: number, ms: number): number => Math.round(n / (ms / 1_000));

const linesOf = (e: PosEvent): number =>
  e.type === 'sale' || e.type === 'return' ? e.payload.lines.length : 0;

const eventsWithLines = (
  target: number,
  o: SyntheticOptions,
): { events: PosEvent[]; lines: number } => {
  const all = generateEvents(Math.ceil(target / 2.5), o);
  const events: PosEvent[] = [];
  let lines = 0;
  for (const e of all) {
    if (lines >= target) break;
    events.push(e);
    lines += linesOf(e);
  }
  return { events, lines };
};

export default async function syncBench(args: string[]): Promise<Record<string, unknown>> {
  const targetLines = option(args, 'lines', 200_000);
  const bigLines = option(args, 'big-lines', 10_000_000);
  const freshSeconds = option(args, 'fresh-seconds', 20);
  const naiveSeconds = option(args, 'naive-seconds', 20);
  execFileSync('bash', [`${ROOT}build/scripts/services-up.sh`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const main = await freshDatabase('e2e');
  const topic = `bench.sync.${Date.now().toString(36)}`;
  // The gateway runs as its own process, as deployed; the analytics API runs in this one.
  const gateway = await startGatewayProcess(main, topic);
  const svc = await startService(main, topic, ['analytics']);
  const zones = [
    ['east', 'America/New_York', 'East'],
    ['south', 'Asia/Kolkata', 'South'],
    ['west', 'Europe/Lisbon', 'West'],
    ['north', 'Europe/Oslo', 'North'],
    ['centre', 'Europe/Berlin', 'Centre'],
    ['pacific', 'Pacific/Auckland', 'East'],
  ];
  const tills = await Promise.all(
    zones.map(([id, tz, region]) => enrollTill(gateway.url, `bench-${id}`, tz!, region!)),
  );
  const stores = tills.map((t) => ({
    storeId: t.storeId,
    timeZone: t.timeZone,
    tills: [t.tillId],
  }));
  const base = { stores, products: 200, receiptRate: 0.01, returnRate: 0.03 };
  // A four-week backlog of six shops' sales arriving at once (tills back online after an outage).
  const now = Date.now();
  const { events, lines } = eventsWithLines(targetLines, {
    ...base,
    seed: 1,
    fromMs: now - SPAN_DAYS * 86_400_000,
    toMs: now,
  });
  log(`sync bench: ${events.length} events, ${lines} sale lines, gateway at ${gateway.url}`);

  const consumer = startConsumerProcess(main.url, topic, `${topic}.warehouse`);
  const kafka = new Kafka({
    clientId: 'bench-sync',
    brokers: KAFKA_BROKERS.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const groupStable = async (group: string) =>
    (await admin.describeGroups([group])).groups[0]?.state === 'Stable';
  await waitUntil('consumer joined', () => groupStable(`${topic}.warehouse`), 60_000, 200);

  // 1. End to end: push through the gateway until every line is in the rollups.
  const bodies = preparePush(tills, events, 500);
  const kafkaPidFile = `${process.env.POS_SERVICES_DIR ?? `${ROOT}build/.cache/services`}/kafka/kafka.pid`;
  const kafkaPid = Number(readFileSync(kafkaPidFile, 'utf8').trim()) || 0;
  const cpu = cpuMeter({
    gateway: () => (gateway.pid ? [gateway.pid] : []),
    kafka: () => (kafkaPid ? [kafkaPid] : []),
    consumer: () => (consumer.process.pid ? [consumer.process.pid] : []),
    postgres: () => postgresBackends(main.pool),
    bench_and_analytics: () => [process.pid],
  });
  await cpu.start();
  const t0 = performance.now();
  await pushAll(gateway.url, bodies, 2);
  const pushedMs = performance.now() - t0;
  await waitUntil(
    'all lines in rollups',
    async () =>
      (await scalar(main.pool, 'SELECT coalesce(sum(lines), 0) FROM rollup_day_store')) >= lines,
    600_000,
  );
  const e2eMs = performance.now() - t0;
  const cpuMs = await cpu.stop();
  const perKLines = Object.fromEntries(
    Object.entries(cpuMs).map(([k, ms]) => [k, Math.round((ms / lines) * 10_000) / 10]),
  );
  const pipelineMsPerKLine = ['gateway', 'kafka', 'consumer', 'postgres'].reduce(
    (n, k) => n + (perKLines[k] ?? 0),
    0,
  );
  log(`  e2e: ${rate(lines, e2eMs)} lines/s (push alone ${rate(lines, pushedMs)} lines/s)`);

  // 2. Freshness at a steady 50 sales/s, one sale per push.
  const trickle = generateEvents(Math.round(50 * freshSeconds), {
    ...base,
    receiptRate: 0,
    returnRate: 0,
    seed: 2,
    fromMs: Date.now(),
    toMs: Date.now(),
  });
  const freshness = await measureFreshness(gateway.url, svc.url, tills, trickle, 50);
  log(
    `  freshness: p50 ${freshness.p50Ms} ms, p99 ${freshness.p99Ms} ms over ${freshness.samples} sales`,
  );

  // 3. Replay the whole topic from offset 0 with a new group: nothing may be added.
  const count = async () => ({
    lines: await scalar(main.pool, 'SELECT count(*) FROM sale_lines'),
    rolled: await scalar(main.pool, 'SELECT coalesce(sum(lines), 0) FROM rollup_day_store'),
  });
  const before = await count();
  const peakRssMb = consumer.peakRssMb();
  const replay = startConsumerProcess(main.url, topic, `${topic}.replay`);
  const ends = await admin.fetchTopicOffsets(topic);
  const caughtUp = async (): Promise<boolean> => {
    const [committed] = await admin.fetchOffsets({ groupId: `${topic}.replay`, topics: [topic] });
    return ends.every(
      (e) =>
        e.offset === e.low ||
        committed?.partitions.find((p) => p.partition === e.partition)?.offset === e.offset,
    );
  };
  // The coordinator can be briefly unknown while the new group forms: that is "not yet".
  await waitUntil('replay caught up', () => caughtUp().catch(() => false), 600_000, 200);
  const after = await count();
  await replay.stop();
  await consumer.stop();
  await svc.service.stop();
  await gateway.stop();
  log(`  replay: ${after.lines - before.lines} rows added`);

  // 4. The consumer alone: the filled topic applied into an empty warehouse by a new group (no
  // gateway in the way), then the baselines on the same rows: one COPY, the naive consumer.
  const baselineDb = await freshDatabase('baseline');
  const alone = startConsumerProcess(baselineDb.url, topic, `${topic}.alone`);
  const aloneStarted = performance.now();
  await waitUntil(
    'consumer alone done',
    async () =>
      (await scalar(baselineDb.pool, 'SELECT coalesce(sum(lines), 0) FROM rollup_day_store')) >=
      lines,
    600_000,
  );
  const consumerOnly = rate(lines, performance.now() - aloneStarted);
  await alone.stop();
  log(`  consumer alone (incl. group join): ${consumerOnly} lines/s`);
  const copy = await copyBaseline(main.pool, baselineDb);
  log(`  copy: ${copy.linesPerS} lines/s (median of ${copy.runsLinesPerS.join(', ')})`);
  const naive = await naiveBaseline(baselineDb, topic, naiveSeconds);
  log(`  naive: ${naive.linesPerS} lines/s over ${naive.lines} lines`);
  await baselineDb.drop();
  await main.drop();
  await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
  await admin.disconnect();

  // 5. Month and year views over the big dataset, rollups vs raw facts.
  let big: Record<string, unknown> = { big_lines: 0 };
  if (!args.includes('--skip-big') && bigLines > 0) {
    const bigDb = await freshDatabase('big');
    const load = await loadBigDataset(bigDb.pool, bigLines, log);
    const month = await timeView(bigDb.pool, '2025-06-01', '2025-06-30', 30, 5);
    const year = await timeView(bigDb.pool, '2025-01-01', '2025-12-31', 20, 3);
    await bigDb.drop();
    big = {
      big_lines: load.lines,
      big_load_s: load.loadSeconds,
      monthly_query_p95_ms: month.p95Ms,
      raw_monthly_query_p95_ms: month.rawP95Ms,
      monthly_ratio: month.ratio,
      yearly_query_p95_ms: year.p95Ms,
      raw_yearly_query_p95_ms: year.rawP95Ms,
      yearly_ratio: year.ratio,
      results_equal: month.equal && year.equal,
    };
  }

  return {
    pushed_via:
      'gateway process (POST /v1/events) -> Kafka -> consumer process -> Postgres; analytics API in-process',
    lines,
    events: events.length,
    stores: tills.length,
    events_span_days: SPAN_DAYS,
    e2e_lines_per_s: rate(lines, e2eMs),
    // CPU ms each process spent per 1,000 lines during the e2e phase, and the rate the pipeline
    // (gateway + Kafka + consumer + Postgres) would reach on two cores of its own.
    e2e_cpu_ms_per_1k_lines: perKLines,
    e2e_cpu_bound_lines_per_s_2_cores: Math.round(2_000_000 / Math.max(1, pipelineMsPerKLine)),
    copy_lines_per_s: copy.linesPerS,
    copy_runs_lines_per_s: copy.runsLinesPerS,
    ratio_vs_copy: Math.round((rate(lines, e2eMs) / copy.linesPerS) * 100) / 100,
    consumer_only_lines_per_s: consumerOnly,
    naive_lines_per_s: naive.linesPerS,
    naive_sample_lines: naive.lines,
    ratio_vs_naive: Math.round((rate(lines, e2eMs) / Math.max(1, naive.linesPerS)) * 10) / 10,
    freshness_p50_ms: freshness.p50Ms,
    freshness_p99_ms: freshness.p99Ms,
    freshness_samples: freshness.samples,
    ...big,
    duplicates_after_replay: after.lines - before.lines + (after.rolled - before.rolled),
    consumer_peak_rss_mb: peakRssMb,
  };
}
