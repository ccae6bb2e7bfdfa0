// Months and years: HQ's figures when this till has a synced copy, the till's own otherwise
// (each section says which). Monthly net sales against the same months a year earlier, yearly
// totals and growth, top products per month, category trends, orders and AOV per month.
import { useEffect, useMemo, useState } from 'react';
import { Bar, Chart } from 'react-chartjs-2';
import type { ChartData } from 'chart.js';
import type { DashboardTrends, FigureSource } from '../../../shared/api';
import { salesKpis, sumTotals } from '../../../shared/kpi/salesKpis';
import { ErrorBanner } from '../components/ErrorBanner';
import { ChartCard } from './ChartCard';
import { cartesianOptions } from './chartOptions';
import { seriesColor, useChartTheme } from './chartTheme';
import { dashFormat } from './dashboardFormat';
import { KpiTiles } from './KpiTiles';
import {
  categoryColumns,
  monthColumns,
  ordersColumns,
  topColumns,
  yearColumns,
  type TopRow,
} from './trendColumns';
import { useDashboardCall } from './useDashboardCall';
import './chartSetup';
import { PreviousYearBars } from './PreviousYearBars';
import { TopProductsBar } from './TopProductsBar';

export interface TrendFilters {
  from: string;
  to: string;
  category: string;
  rankBy: 'net' | 'units';
}

const MAX_CATEGORY_SERIES = 7;

export function TrendsPanel({
  filters,
  onCategories,
}: {
  filters: TrendFilters;
  onCategories: (c: string[]) => void;
}) {
  const input = {
    from: filters.from,
    to: filters.to,
    rankBy: filters.rankBy,
    topN: 5,
    ...(filters.category ? { category: filters.category } : {}),
  };
  const { data, error } = useDashboardCall('dashboard-trends', input);
  if (error) return <ErrorBanner message={error} testId="dashboard-trends-error" />;
  if (!data) return <p className="loading">Loading months and years…</p>;
  return <TrendsView trends={data} rankBy={filters.rankBy} onCategories={onCategories} />;
}

const SourceBadge = ({ source, asOf }: { source: FigureSource; asOf: number }) =>
  source === 'hq' ? (
    <span
      className="dash-badge dash-badge-hq"
      data-testid="source-hq"
      title={`HQ figures as of ${new Date(asOf).toISOString()}`}
    >
      HQ
    </span>
  ) : (
    <span
      className="dash-badge"
      data-testid="source-local"
      title="Computed from this till’s own sales"
    >
      This till
    </span>
  );

function TrendsView({
  trends,
  rankBy,
  onCategories,
}: {
  trends: DashboardTrends;
  rankBy: 'net' | 'units';
  onCategories: (c: string[]) => void;
}) {
  const theme = useChartTheme();
  const f = useMemo(
    () => dashFormat(trends.currency, trends.locale),
    [trends.currency, trends.locale],
  );
  const { categories } = trends;
  useEffect(() => onCategories(categories), [categories, onCategories]);
  const suffix = `${trends.from}-${trends.to}`;
  const labels = trends.months.map((m) => f.month(m.month));
  const moneyAxis = { format: f.moneyAxis, exact: f.moneyOfMajor };
  const total = salesKpis(sumTotals(trends.months.map((m) => m.totals)));
  const asOfText = new Intl.DateTimeFormat(trends.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: trends.timeZone,
  }).format(trends.asOf);

  const monthsWithTop = trends.topProductsByMonth.filter((m) => m.items.length > 0);
  const [pickedMonth, setPickedMonth] = useState<string | null>(null);
  const topMonth =
    monthsWithTop.find((m) => m.month === pickedMonth) ?? monthsWithTop[monthsWithTop.length - 1];
  const topRows: TopRow[] = trends.topProductsByMonth.flatMap((m) =>
    m.items.map((p) => ({ month: m.month, ...p })),
  );

  const categoryTotals = new Map<string, number>();
  for (const c of trends.categoriesByMonth)
    categoryTotals.set(c.category, (categoryTotals.get(c.category) ?? 0) + c.netSales);
  const shownCategories = [...categoryTotals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CATEGORY_SERIES)
    .map(([c]) => c);
  const categoryData: ChartData<'bar'> = {
    labels,
    datasets: [
      ...shownCategories.map((cat, i) => ({
        label: cat || '(none)',
        data: trends.months.map((m) =>
          f.major(
            trends.categoriesByMonth.find((c) => c.month === m.month && c.category === cat)
              ?.netSales ?? 0,
          ),
        ),
        backgroundColor: seriesColor(theme, i),
      })),
      ...(categoryTotals.size > shownCategories.length
        ? [
            {
              label: 'Other',
              data: trends.months.map((m) =>
                f.major(
                  trends.categoriesByMonth
                    .filter((c) => c.month === m.month && !shownCategories.includes(c.category))
                    .reduce((a, c) => a + c.netSales, 0),
                ),
              ),
              backgroundColor: theme.previous,
            },
          ]
        : []),
    ],
  };

  const ordersData = {
    labels,
    datasets: [
      {
        type: 'bar',
        label: 'Orders',
        data: trends.months.map((m) => m.totals.orders),
        backgroundColor: seriesColor(theme, 0),
        yAxisID: 'y',
        order: 2,
      },
      {
        type: 'line',
        label: 'Average order',
        data: trends.months.map((m) =>
          m.totals.averageOrderValue === null ? null : f.major(m.totals.averageOrderValue),
        ),
        borderColor: seriesColor(theme, 1),
        backgroundColor: seriesColor(theme, 1),
        yAxisID: 'y2',
        order: 1,
        pointRadius: 2,
      },
    ],
  } as unknown as ChartData<'bar'>;

  return (
    <div data-testid="dashboard-trends">
      <p className="dash-source" data-testid="trends-source">
        <SourceBadge source={trends.source} asOf={trends.asOf} />
        {trends.source === 'hq'
          ? `Figures from HQ, as of ${asOfText}`
          : 'Figures from this till’s own sales'}{' '}
        · {f.day(trends.from)} – {f.day(trends.to)}
      </p>
      <KpiTiles
        testId="trends-kpis"
        tiles={[
          { id: 'range-net-sales', label: 'Net sales', value: f.money(total.netSales) },
          { id: 'range-orders', label: 'Orders', value: f.count(total.orders) },
          { id: 'range-aov', label: 'Average order', value: f.money(total.averageOrderValue) },
          { id: 'range-return-rate', label: 'Return rate', value: f.percent(total.rateOfReturn) },
          { id: 'range-units', label: 'Units', value: f.count(total.units) },
        ]}
      />
      <div className="dash-grid">
        <ChartCard
          title="Monthly net sales vs previous year"
          testId="chart-months"
          columns={monthColumns(f)}
          rows={trends.months}
          fileSuffix={suffix}
          wide
        >
          <PreviousYearBars
            labels={labels}
            current={{
              label: 'This period',
              netSales: trends.months.map((m) => m.totals.netSales),
            }}
            previous={{
              label: 'Previous year',
              netSales: trends.months.map((m) => m.previousYear?.netSales ?? null),
            }}
            f={f}
            theme={theme}
          />
        </ChartCard>
        <ChartCard
          title="Yearly totals and growth"
          testId="chart-years"
          columns={yearColumns(f)}
          rows={trends.years}
          fileSuffix={suffix}
          note="A year not yet over is compared with the same dates a year earlier."
        >
          <PreviousYearBars
            labels={trends.years.map((y) => (y.partial ? `${y.year}*` : String(y.year)))}
            current={{ label: 'Net sales', netSales: trends.years.map((y) => y.totals.netSales) }}
            previous={{
              label: 'Same span, previous year',
              netSales: trends.years.map((y) => y.previousYear?.netSales ?? null),
            }}
            f={f}
            theme={theme}
          />
        </ChartCard>
        <ChartCard
          title="Orders and average order per month"
          testId="chart-orders"
          columns={ordersColumns(f)}
          rows={trends.months}
          fileSuffix={suffix}
        >
          <Chart
            type="bar"
            data={ordersData}
            options={cartesianOptions<'bar'>(theme, { format: f.count }, { y2: moneyAxis })}
          />
        </ChartCard>
        <ChartCard
          title={`Top products per month (by ${rankBy === 'units' ? 'units' : 'net sales'})`}
          testId="chart-top-products"
          columns={topColumns(f)}
          rows={topRows}
          fileSuffix={suffix}
          note={
            <>
              <SourceBadge source={trends.topProductsSource} asOf={trends.asOf} />
              <label>
                Month{' '}
                <select
                  value={topMonth?.month ?? ''}
                  onChange={(e) => setPickedMonth(e.target.value)}
                  data-testid="top-month"
                >
                  {monthsWithTop.map((m) => (
                    <option key={m.month} value={m.month}>
                      {f.month(m.month)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          }
        >
          <TopProductsBar
            items={topMonth?.items ?? []}
            f={f}
            theme={theme}
            byUnits={rankBy === 'units'}
          />
        </ChartCard>
        <ChartCard
          title="Category trends"
          testId="chart-categories"
          columns={categoryColumns(f)}
          rows={trends.categoriesByMonth}
          fileSuffix={suffix}
          wide
          note={<SourceBadge source={trends.categoriesSource} asOf={trends.asOf} />}
        >
          <Bar
            data={categoryData}
            options={cartesianOptions<'bar'>(theme, moneyAxis, { stacked: true })}
          />
        </ChartCard>
      </div>
    </div>
  );
}
