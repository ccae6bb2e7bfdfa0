// Bars of net sales beside the same span a year earlier (the earlier bar in the theme's muted
// colour; a gap where there is no earlier figure), as the Trends panel shows months and years.
import { Bar } from 'react-chartjs-2';
import type { Minor } from '../../../shared/money';
import { cartesianOptions } from './chartOptions';
import { seriesColor, type ChartTheme } from './chartTheme';
import type { DashFormat } from './dashboardFormat';

interface Props {
  labels: string[];
  current: { label: string; netSales: Minor[] };
  previous: { label: string; netSales: (Minor | null)[] };
  f: DashFormat;
  theme: ChartTheme;
}

export function PreviousYearBars({ labels, current, previous, f, theme }: Props) {
  return (
    <Bar
      data={{
        labels,
        datasets: [
          {
            label: current.label,
            data: current.netSales.map((v) => f.major(v)),
            backgroundColor: seriesColor(theme, 0),
          },
          {
            label: previous.label,
            data: previous.netSales.map((v) => (v === null ? null : f.major(v))),
            backgroundColor: theme.previous,
          },
        ],
      }}
      options={cartesianOptions<'bar'>(theme, { format: f.moneyAxis, exact: f.moneyOfMajor })}
    />
  );
}
