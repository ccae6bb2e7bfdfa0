// Consumer lag for /metrics: per partition, the topic's end offset minus the group's committed
// offset, computed when metrics are scraped (no background polling).
import type { Kafka } from 'kafkajs';
import type { MetricsRegistry } from './metrics';

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
      let sum = 0;
      for (const end of ends) {
        const high = Number(end.high);
        const done = committedByPartition.get(end.partition) ?? -1;
        // -1: nothing committed yet; everything from the low watermark is outstanding.
        const behind = Math.max(0, done < 0 ? high - Number(end.low) : high - done);
        sum += behind;
        lag.set(behind, { group: groupId, topic, partition: String(end.partition) });
      }
      total.set(sum, { group: groupId, topic });
    } finally {
      await admin.disconnect();
    }
  });
}
