// Shared Chart.js options: themed text and grid, localised tick labels, tooltips that show the
// same formatted figures as the tables.
import type { ChartOptions, ChartType } from 'chart.js';
import type { ChartTheme } from './chartTheme';

export interface AxisFormat {
  /** Formats a tick or tooltip value (chart values are major units for money). */
  format: (value: number) => string;
  /** Tooltip text of a value; defaults to `format`. */
  exact?: (value: number) => string;
}

const scale = (theme: ChartTheme, format?: (v: number) => string) => ({
  ticks: {
    color: theme.text,
    ...(format ? { callback: (v: string | number) => format(Number(v)) } : {}),
  },
  grid: { color: theme.grid },
  border: { color: theme.grid },
});

export const cartesianOptions = <T extends 'bar' | 'line'>(
  theme: ChartTheme,
  y: AxisFormat,
  extra: { horizontal?: boolean; y2?: AxisFormat; stacked?: boolean } = {},
): ChartOptions<T> => {
  const valueAxis = extra.horizontal ? 'x' : 'y';
  const categoryAxis = extra.horizontal ? 'y' : 'x';
  const options = {
    indexAxis: extra.horizontal ? 'y' : 'x',
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { labels: { color: theme.text } },
      tooltip: {
        callbacks: {
          label: (ctx: {
            dataset: { label?: string; yAxisID?: string };
            parsed: { x: number | null; y: number | null };
          }) => {
            const v = (extra.horizontal ? ctx.parsed.x : ctx.parsed.y) ?? 0;
            const axis = ctx.dataset.yAxisID === 'y2' && extra.y2 ? extra.y2 : y;
            const f = axis.exact ?? axis.format;
            return `${ctx.dataset.label ?? ''}: ${f(v)}`;
          },
        },
      },
    },
    scales: {
      [categoryAxis]: { ...scale(theme), stacked: extra.stacked ?? false },
      [valueAxis]: { ...scale(theme, y.format), stacked: extra.stacked ?? false },
      ...(extra.y2
        ? {
            y2: {
              ...scale(theme, extra.y2.format),
              position: 'right',
              grid: { drawOnChartArea: false },
            },
          }
        : {}),
    },
  };
  return options as unknown as ChartOptions<T>;
};

export const doughnutOptions = (
  theme: ChartTheme,
  format: (v: number) => string,
): ChartOptions<'doughnut'> =>
  ({
    plugins: {
      legend: { position: 'right', labels: { color: theme.text } },
      tooltip: { callbacks: { label: (ctx) => `${ctx.label}: ${format(Number(ctx.raw))}` } },
    },
    borderColor: theme.name === 'dark' ? '#1f2933' : '#ffffff',
  }) as ChartOptions<'doughnut'>;

/** Only for the type parameter's sake: chart types this module builds options for. */
export type DashboardChartType = Extract<ChartType, 'bar' | 'line' | 'doughnut'>;
