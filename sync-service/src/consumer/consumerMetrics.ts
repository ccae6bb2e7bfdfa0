// Prometheus metrics of the warehouse consumer, registered once per registry.
import { LATENCY_BUCKETS_SECONDS, type MetricsRegistry } from '../ops/metrics';
import type { SubBatchResult } from './subBatchProcessor';
import type { WarehouseConsumerMetrics } from './warehouseConsumer';

const byRegistry = new WeakMap<MetricsRegistry, WarehouseConsumerMetrics>();

export const warehouseConsumerMetrics = (registry: MetricsRegistry): WarehouseConsumerMetrics => {
  const known = byRegistry.get(registry);
  if (known) return known;
  const applied = registry.counter(
    'warehouse_events_applied_total',
    'Events newly applied to the warehouse',
  );
  const duplicates = registry.counter(
    'warehouse_events_duplicate_total',
    'Redelivered events skipped by the ledger',
  );
  const lines = registry.counter('warehouse_sale_lines_total', 'Sale and return lines inserted');
  const dead = registry.counter('warehouse_dead_letters_total', 'Messages dead-lettered', [
    'reason',
  ]);
  const transactions = registry.counter(
    'warehouse_apply_transactions_total',
    'Apply transactions tried (one per sub-batch, a few more per bad event while bisecting)',
  );
  const latency = registry.histogram(
    'warehouse_sub_batch_seconds',
    'Time to apply one sub-batch',
    LATENCY_BUCKETS_SECONDS,
  );
  const metrics: WarehouseConsumerMetrics = {
    recordSubBatch(result: SubBatchResult, durationMs: number) {
      applied.inc({}, result.applied);
      duplicates.inc({}, result.duplicates);
      lines.inc({}, result.saleLines);
      transactions.inc({}, result.transactions);
      for (const d of result.deadLetters) dead.inc({ reason: d.reasonCode });
      latency.observe(durationMs / 1_000);
    },
  };
  byRegistry.set(registry, metrics);
  return metrics;
};
