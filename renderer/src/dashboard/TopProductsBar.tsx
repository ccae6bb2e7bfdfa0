// The horizontal bar chart of top products, ranked by net sales (money axis) or by units (count
// axis): the till's Today, Trends and HQ panels and the console's Live and Products panels draw
// it alike, in the third series colour.
import { Bar } from 'react-chartjs-2';
import type { Minor } from '../../../shared/money';
import { cartesianOptions } from './chartOptions';
import { seriesColor, type ChartTheme } from './chartTheme';
import type { DashFormat } from './dashboardFormat';

interface Props {
  items: readonly { name: string; netSales: Minor; units?: number }[];
  f: DashFormat;
  theme: ChartTheme;
  /** Bars of units sold instead of net sales. */
  byUnits?: boolean;
}

export function TopProductsBar({ items, f, theme, byUnits = false }: Props) {
  return (
    <Bar
      data={{
        labels: items.map((p) => p.name),
        datasets: [
          {
            label: byUnits ? 'Units' : 'Net sales',
            data: items.map((p) => (byUnits ? (p.units ?? 0) : f.major(p.netSales))),
            backgroundColor: seriesColor(theme, 2),
          },
        ],
      }}
      options={cartesianOptions<'bar'>(
        theme,
        byUnits ? { format: f.count } : { format: f.moneyAxis, exact: f.moneyOfMajor },
        { horizontal: true },
      )}
    />
  );
}
