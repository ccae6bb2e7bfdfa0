// A doughnut of each part's share of net sales (negative parts drawn as none), one series colour
// a part: the till's categories today, HQ's regions and the console's breakdowns draw it alike.
import { Doughnut } from 'react-chartjs-2';
import type { Minor } from '../../../shared/money';
import { doughnutOptions } from './chartOptions';
import { seriesColor, type ChartTheme } from './chartTheme';
import type { DashFormat } from './dashboardFormat';

interface Props {
  parts: readonly { label: string; netSales: Minor }[];
  f: DashFormat;
  theme: ChartTheme;
}

export function SharesDoughnut({ parts, f, theme }: Props) {
  return (
    <Doughnut
      data={{
        labels: parts.map((p) => p.label),
        datasets: [
          {
            data: parts.map((p) => f.major(Math.max(0, p.netSales))),
            backgroundColor: parts.map((_, i) => seriesColor(theme, i)),
          },
        ],
      }}
      options={doughnutOptions(theme, f.moneyOfMajor)}
    />
  );
}
