// Today, live from the till: headline figures, sales by hour, top products, categories, cashiers.
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type {
  CashierFigure,
  CategoryFigure,
  DashboardToday,
  HourFigure,
  ProductFigure,
} from '../../../shared/api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ChartCard, type Column } from './ChartCard';
import { cartesianOptions } from './chartOptions';
import { seriesColor, useChartTheme } from './chartTheme';
import { dashFormat, type DashFormat } from './dashboardFormat';
import { KpiTiles } from './KpiTiles';
import { SharesDoughnut } from './SharesDoughnut';
import { useDashboardCall } from './useDashboardCall';
import './chartSetup';
import { TopProductsBar } from './TopProductsBar';

const LIVE_REFRESH_MS = 30_000;

export const todayTiles = (t: DashboardToday, f: DashFormat) => [
  { id: 'net-sales', label: 'Net sales', value: f.money(t.totals.netSales) },
  { id: 'orders', label: 'Orders', value: f.count(t.totals.orders) },
  { id: 'aov', label: 'Average order', value: f.money(t.totals.averageOrderValue) },
  {
    id: 'return-rate',
    label: 'Return rate',
    value: f.percent(t.totals.rateOfReturn),
    hint: t.totals.returns === 1 ? '1 return' : `${f.count(t.totals.returns)} returns`,
  },
  { id: 'units', label: 'Units', value: f.count(t.totals.units) },
];

export function TodayPanel() {
  const { data, error } = useDashboardCall('dashboard-today', { topN: 5 }, LIVE_REFRESH_MS);
  if (error) return <ErrorBanner message={error} testId="dashboard-today-error" />;
  if (!data) return <p className="loading">Loading today…</p>;
  return <TodayView today={data} />;
}

function TodayView({ today }: { today: DashboardToday }) {
  const theme = useChartTheme();
  const f = useMemo(() => dashFormat(today.currency, today.locale), [today.currency, today.locale]);
  const moneyAxis = { format: f.moneyAxis, exact: f.moneyOfMajor };

  const hourCols: Column<HourFigure>[] = [
    { label: 'Hour', csv: (h) => `${String(h.hour).padStart(2, '0')}:00` },
    { label: 'Orders', csv: (h) => h.orders, numeric: true },
    { label: 'Units', csv: (h) => h.units, numeric: true },
    {
      label: 'Net sales',
      csv: (h) => f.csvMoney(h.netSales),
      show: (h) => f.money(h.netSales),
      numeric: true,
    },
  ];
  const productCols: Column<ProductFigure>[] = [
    { label: 'Rank', csv: (p) => p.rank, numeric: true },
    { label: 'SKU', csv: (p) => p.sku },
    { label: 'Product', csv: (p) => p.name },
    { label: 'Category', csv: (p) => p.category },
    { label: 'Units', csv: (p) => p.units, numeric: true },
    {
      label: 'Net sales',
      csv: (p) => f.csvMoney(p.netSales),
      show: (p) => f.money(p.netSales),
      numeric: true,
    },
  ];
  const categoryCols: Column<CategoryFigure>[] = [
    { label: 'Category', csv: (c) => c.category || '(none)' },
    { label: 'Orders', csv: (c) => c.orders, numeric: true },
    { label: 'Units', csv: (c) => c.units, numeric: true },
    {
      label: 'Net sales',
      csv: (c) => f.csvMoney(c.netSales),
      show: (c) => f.money(c.netSales),
      numeric: true,
    },
  ];
  const cashierCols: Column<CashierFigure>[] = [
    { label: 'Cashier', csv: (c) => c.cashierName },
    { label: 'Orders', csv: (c) => c.orders, numeric: true },
    { label: 'Returns', csv: (c) => c.returns, numeric: true },
    {
      label: 'Net sales',
      csv: (c) => f.csvMoney(c.netSales),
      show: (c) => f.money(c.netSales),
      numeric: true,
    },
  ];
  const activeHours = today.byHour.filter((h) => h.orders !== 0 || h.netSales !== 0);

  return (
    <div data-testid="dashboard-today">
      <p className="dash-source">
        Today, {f.day(today.day)} ({today.timeZone}) — live from this till
      </p>
      <KpiTiles tiles={todayTiles(today, f)} testId="today-kpis" />
      <div className="dash-grid">
        <ChartCard
          title="Sales by hour"
          testId="chart-today-hours"
          columns={hourCols}
          rows={activeHours}
          fileSuffix={today.day}
          wide
        >
          <Bar
            data={{
              labels: today.byHour.map((h) => String(h.hour).padStart(2, '0')),
              datasets: [
                {
                  label: 'Net sales',
                  data: today.byHour.map((h) => f.major(h.netSales)),
                  backgroundColor: seriesColor(theme, 0),
                },
              ],
            }}
            options={cartesianOptions<'bar'>(theme, moneyAxis)}
          />
        </ChartCard>
        <ChartCard
          title="Top products today"
          testId="chart-today-top"
          columns={productCols}
          rows={today.topProducts}
          fileSuffix={today.day}
        >
          <TopProductsBar items={today.topProducts} f={f} theme={theme} />
        </ChartCard>
        <ChartCard
          title="Sales by category"
          testId="chart-today-categories"
          columns={categoryCols}
          rows={today.byCategory}
          fileSuffix={today.day}
          note="Grouped by the category each item was sold as."
        >
          <SharesDoughnut
            parts={today.byCategory.map((c) => ({
              label: c.category || '(none)',
              netSales: c.netSales,
            }))}
            f={f}
            theme={theme}
          />
        </ChartCard>
        <ChartCard
          title="Sales by cashier"
          testId="chart-today-cashiers"
          columns={cashierCols}
          rows={today.byCashier}
          fileSuffix={today.day}
        >
          <Bar
            data={{
              labels: today.byCashier.map((c) => c.cashierName),
              datasets: [
                {
                  label: 'Net sales',
                  data: today.byCashier.map((c) => f.major(c.netSales)),
                  backgroundColor: seriesColor(theme, 1),
                },
              ],
            }}
            options={cartesianOptions<'bar'>(theme, moneyAxis)}
          />
        </ChartCard>
      </div>
    </div>
  );
}
