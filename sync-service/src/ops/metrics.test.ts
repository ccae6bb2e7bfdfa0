import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from './metrics';

describe('metrics registry', () => {
  it('renders counters, gauges and histograms in Prometheus text format', async () => {
    const registry = createMetricsRegistry();
    const accepted = registry.counter('events_total', 'Events by outcome.', ['status', 'code']);
    const lag = registry.gauge('lag', 'Consumer lag.', ['partition']);
    const size = registry.histogram('batch_size', 'Events per batch.', [1, 10]);
    accepted.inc({ status: 'accepted', code: '' }, 3);
    accepted.inc({ status: 'rejected', code: 'INVALID_EVENT' });
    lag.set(7, { partition: '0' });
    size.observe(5);
    size.observe(50);
    const text = await registry.renderMetrics();
    expect(text).toContain('# TYPE events_total counter');
    expect(text).toContain('events_total{status="accepted",code=""} 3');
    expect(text).toContain('events_total{status="rejected",code="INVALID_EVENT"} 1');
    expect(text).toContain('lag{partition="0"} 7');
    expect(text).toContain('batch_size_bucket{le="1"} 0');
    expect(text).toContain('batch_size_bucket{le="10"} 1');
    expect(text).toContain('batch_size_bucket{le="+Inf"} 2');
    expect(text).toContain('batch_size_sum 55');
    expect(text).toContain('batch_size_count 2');
  });

  it('escapes label values and refuses unknown labels, duplicates and negative counts', () => {
    const registry = createMetricsRegistry();
    const c = registry.counter('c_total', 'help', ['path']);
    c.inc({ path: 'a"b\\c\nd' });
    expect(() => c.inc({ other: 'x' })).toThrow(/unknown label/);
    expect(() => c.inc({}, -1)).toThrow(/only go up/);
    expect(() => registry.gauge('c_total', 'again')).toThrow(/twice/);
    return registry.renderMetrics().then((text) => {
      expect(text).toContain('c_total{path="a\\"b\\\\c\\nd"} 1');
    });
  });

  it('runs collectors before rendering and survives a failing one', async () => {
    const registry = createMetricsRegistry();
    const g = registry.gauge('g', 'help');
    registry.onCollect(() => g.set(42));
    registry.onCollect(() => {
      throw new Error('kafka down');
    });
    expect(await registry.renderMetrics()).toContain('g 42');
  });
});
