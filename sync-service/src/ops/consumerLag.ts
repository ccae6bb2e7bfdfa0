// Consumer lag for /metrics: per partition, the topic's end offset minus the group's committed
// offset, computed when metrics are scraped (no background polling) or the console asks.
import type { Kafka } from 'kafkajs';
import type { MetricsRegistry } from './metrics';

export interface ConsumerLag {
  total: number;
  partitions: { partition: number; lag: number }[];
}

/** Per partition, the topic's end offset minus the group's committed offset (one admin round). */
export async function readConsumerLag(
  kafka: Kafka,
  groupId: string,
  topic: string,
): Promise<ConsumerLag> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    const [ends, committed] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committedByPartition = new Map<number, number>();
    for (const p of committed[0]?.partitions ?? [])
      committedByPartition.set(p.partition, Number(p.offset));
    const partitions = ends
      .map((end) => {
        const high = Number(end.high);
        const done = committedByPartition.get(end.partition) ?? -1;
        // -1: nothing committed yet; everything from the low watermark is outstanding.
        const lag = Math.max(0, done < 0 ? high - Number(end.low) : high - done);
        return { partition: end.partition, lag };
      })
      .sort((a, b) => a.partition - b.partition);
    return { total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
  } finally {
    await admin.disconnect();
  }
}

export function registerConsumerLagCollector(
  metrics: MetricsRegistry,
  kafka: Kafka,
  groupId: string,
  topic: string,
): void {
  const lag = metrics.gauge(
    'sync_consumer_lag',
    'Messages not yet committed by the consumer group.',
    ['group', 'topic', 'partition'],
  );
  const total = metrics.gauge(
    'sync_consumer_lag_total',
    'Sum of the consumer lag over partitions.',
    ['group', 'topic'],
  );
  metrics.onCollect(async () => {
    const read = await readConsumerLag(kafka, groupId, topic);
    for (const p of read.partitions)
      lag.set(p.lag, { group: groupId, topic, partition: String(p.partition) });
    total.set(read.total, { group: groupId, topic });
  });
}
