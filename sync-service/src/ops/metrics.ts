// A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with
// labels. Enough for /metrics without another dependency; one registry per process.
type Labels = Record<string, string>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

const formatLabels = (labels: Labels): string => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
};

const formatNumber = (value: number): string =>
  Number.isNaN(value)
    ? 'NaN'
    : value === Infinity
      ? '+Inf'
      : value === -Infinity
        ? '-Inf'
        : String(value);

/** Stable key for a label set: label names are fixed per metric, values in that order. */
const keyOf = (labelNames: readonly string[], labels: Labels): string => {
  for (const name of Object.keys(labels)) {
    if (!labelNames.includes(name)) throw new Error(`unknown label "${name}"`);
  }
  return JSON.stringify(labelNames.map((name) => labels[name] ?? ''));
};

const labelsFromKey = (labelNames: readonly string[], key: string): Labels => {
  const values = JSON.parse(key) as string[];
  const labels: Labels = {};
  labelNames.forEach((name, i) => {
    labels[name] = values[i] ?? '';
  });
  return labels;
};

interface Metric {
  render(): string;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
  /** Starts a timer; calling the returned function observes the elapsed seconds. */
  startTimer(labels?: Labels): (moreLabels?: Labels) => number;
  count(labels?: Labels): number;
}

export interface MetricsRegistry {
  counter(name: string, help: string, labelNames?: readonly string[]): Counter;
  gauge(name: string, help: string, labelNames?: readonly string[]): Gauge;
  histogram(
    name: string,
    help: string,
    buckets: readonly number[],
    labelNames?: readonly string[],
  ): Histogram;
  /** Runs before every render: refresh gauges computed on demand (e.g. consumer lag). */
  onCollect(collect: () => void | Promise<void>): void;
  renderMetrics(): Promise<string>;
}

export const LATENCY_BUCKETS_SECONDS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;
export const SIZE_BUCKETS = [1, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000] as const;

export function createMetricsRegistry(): MetricsRegistry {
  const metrics = new Map<string, Metric>();
  const collectors: Array<() => void | Promise<void>> = [];

  const register = <M extends Metric>(name: string, metric: M): M => {
    if (!NAME.test(name)) throw new Error(`invalid metric name "${name}"`);
    if (metrics.has(name)) throw new Error(`metric "${name}" registered twice`);
    metrics.set(name, metric);
    return metric;
  };

  const scalar = (
    name: string,
    help: string,
    type: 'counter' | 'gauge',
    labelNames: readonly string[],
  ) => {
    const values = new Map<string, number>();
    const add = (labels: Labels, by: number): void => {
      const key = keyOf(labelNames, labels);
      values.set(key, (values.get(key) ?? 0) + by);
    };
    const metric = {
      add,
      set: (value: number, labels: Labels) => values.set(keyOf(labelNames, labels), value),
      get: (labels: Labels) => values.get(keyOf(labelNames, labels)) ?? 0,
      render: () => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
        if (values.size === 0 && labelNames.length === 0) lines.push(`${name} 0`);
        for (const [key, value] of values) {
          lines.push(
            `${name}${formatLabels(labelsFromKey(labelNames, key))} ${formatNumber(value)}`,
          );
        }
        return lines.join('\n');
      },
    };
    return register(name, metric);
  };

  return {
    counter(name, help, labelNames = []) {
      const m = scalar(name, help, 'counter', labelNames);
      return {
        inc: (labels = {}, by = 1) => {
          if (by < 0) throw new Error('counters only go up');
          m.add(labels, by);
        },
        get: (labels = {}) => m.get(labels),
      };
    },
    gauge(name, help, labelNames = []) {
      const m = scalar(name, help, 'gauge', labelNames);
      return {
        set: (value, labels = {}) => m.set(value, labels),
        inc: (labels = {}, by = 1) => m.add(labels, by),
        get: (labels = {}) => m.get(labels),
      };
    },
    histogram(name, help, buckets, labelNames = []) {
      const bounds = [...buckets].sort((a, b) => a - b);
      const series = new Map<string, { counts: number[]; sum: number; count: number }>();
      const observe = (value: number, labels: Labels = {}): void => {
        const key = keyOf(labelNames, labels);
        let s = series.get(key);
        if (!s) {
          s = { counts: bounds.map(() => 0), sum: 0, count: 0 };
          series.set(key, s);
        }
        bounds.forEach((bound, i) => {
          if (value <= bound) s.counts[i] = (s.counts[i] ?? 0) + 1;
        });
        s.sum += value;
        s.count += 1;
      };
      register(name, {
        render: () => {
          const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
          for (const [key, s] of series) {
            const labels = labelsFromKey(labelNames, key);
            bounds.forEach((bound, i) => {
              lines.push(
                `${name}_bucket${formatLabels({ ...labels, le: formatNumber(bound) })} ${s.counts[i] ?? 0}`,
              );
            });
            lines.push(`${name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${s.count}`);
            lines.push(`${name}_sum${formatLabels(labels)} ${formatNumber(s.sum)}`);
            lines.push(`${name}_count${formatLabels(labels)} ${s.count}`);
          }
          return lines.join('\n');
        },
      });
      return {
        observe,
        startTimer: (labels = {}) => {
          const started = process.hrtime.bigint();
          return (moreLabels = {}) => {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            observe(seconds, { ...labels, ...moreLabels });
            return seconds;
          };
        },
        count: (labels = {}) => series.get(keyOf(labelNames, labels))?.count ?? 0,
      };
    },
    onCollect(collect) {
      collectors.push(collect);
    },
    async renderMetrics() {
      for (const collect of collectors) {
        try {
          await collect();
        } catch {
          // A failing collector (e.g. Kafka down while computing lag) must not break /metrics.
        }
      }
      return `${[...metrics.values()].map((m) => m.render()).join('\n')}\n`;
    },
  };
}
