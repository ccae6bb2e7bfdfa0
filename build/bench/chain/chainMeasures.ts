// Figures the chain benchmark reads from the running system: the gateway's batch latency
// histogram (Prometheus /metrics), the consumer group's lag (Kafka admin), and freshness (each
// event's real commit time on its till against the moment the warehouse applied it).
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import type pg from 'pg';
import { KAFKA_BROKERS } from '../../test/serviceEnv';

/** Cumulative bucket counts of sync_gateway_batch_duration_seconds{outcome="ok"}, by le. */
export const gatewayLatencyBuckets = async (url: string): Promise<Map<number, number>> => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<number, number>();
  const re = /^sync_gateway_batch_duration_seconds_bucket\{([^}]*)\} (\d+(?:\.\d+)?)$/gm;
  for (const m of text.matchAll(re)) {
    const labels = m[1] ?? '';
    if (!labels.includes('outcome="ok"')) continue;
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    if (le) buckets.set(le === '+Inf' ? Infinity : Number(le), Number(m[2]));
  }
  return buckets;
};

/** p-quantile (upper bucket bound, ms) of the batches observed between two snapshots. */
export const bucketQuantileMs = (
  before: Map<number, number>,
  after: Map<number, number>,
  q: number,
): number | null => {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  if (total <= 0) return null;
  for (const le of bounds) {
    const n = (after.get(le) ?? 0) - (before.get(le) ?? 0);
    if (n >= q * total) return le === Infinity ? Infinity : le * 1_000;
  }
  return null;
};

/** Messages the group has not committed yet, summed over the topic's partitions. */
export const consumerLag = async (topic: string, groupId: string): Promise<number> => {
  const kafka = new Kafka({
    brokers: KAFKA_BROKERS,
    clientId: 'bench-lag',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map(
      (committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]),
    );
    return ends.reduce((lag, p) => {
      const done = at.get(p.partition) ?? -1;
      return lag + Number(p.high) - (done < 0 ? Number(p.low) : done);
    }, 0);
  } finally {
    await admin.disconnect();
  }
};

/** Messages in a topic so far: the sum of its partitions' end offsets. */
export const topicMessages = async (topic: string): Promise<number> => {
  const kafka = new Kafka({
    brokers: KAFKA_BROKERS,
    clientId: 'bench-topic',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
};

/** Peak resident set size of a process (VmHWM), MB; 0 once it is gone. */
export const peakRssMb = (pid: number): number => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
};

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Commit-to-warehouse delay of the given events, ms, sorted. */
export const freshnessMs = async (
  pool: pg.Pool,
  commits: ReadonlyMap<string, number>,
): Promise<number[]> => {
  const ids = [...commits.keys()];
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += 20_000) {
    const { rows } = await pool.query<{ id: string; at: string }>(
      `SELECT event_id::text AS id, (extract(epoch FROM applied_at) * 1000)::float8 AS at
       FROM events WHERE event_id = ANY($1::uuid[])`,
      [ids.slice(i, i + 20_000)],
    );
    for (const r of rows) {
      const committed = commits.get(r.id);
      if (committed !== undefined) out.push(Math.max(0, Number(r.at) - committed));
    }
  }
  return out.sort((a, b) => a - b);
};

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export const cpuSeconds = (pid: number | undefined): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
};

/** Busy and total jiffies of the whole machine (for the share of CPU the run left idle). */
export const hostCpu = (): { busy: number; total: number } => {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1) ?? [];
  const n = cpu.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
};

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every platform we run on. */
const CLOCK_TICKS = 100;
