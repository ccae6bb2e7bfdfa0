// A scope's headline tiles and its months and years, each period with its growth on the previous
// one and on a year earlier (GET /v1/analytics/summary, grain month and year).
import type { ChartData } from 'chart.js';
import { Bar, Chart } from 'react-chartjs-2';
import type { SalesKpis } from '../../../shared/kpi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard } from '../../src/dashboard/ChartCard';
import { cartesianOptions } from '../../src/dashboard/chartOptions';
import { seriesColor, useChartTheme } from '../../src/dashboard/chartTheme';
import type { DashFormat } from '../../src/dashboard/dashboardFormat';
import { KpiTiles } from '../../src/dashboard/KpiTiles';
import type { DayRange, FigureScope } from '../api/consoleCalls';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { periodColumns } from './figureColumns';
import { asOfWords, useFormat } from './useFormat';

/** Headline tiles; tests read `kpi-<prefix>-net-sales`, `kpi-<prefix>-orders`, ... */
export function TotalsTiles({
  totals,
  f,
  prefix,
}: {
  totals: SalesKpis;
  f: DashFormat;
  prefix: string;
}) {
  return (
    <KpiTiles
      testId={`figures-${prefix}-totals`}
      tiles={[
        { id: `${prefix}-net-sales`, label: 'Net sales', value: f.money(totals.netSales) },
        { id: `${prefix}-orders`, label: 'Orders', value: f.count(totals.orders) },
        { id: `${prefix}-aov`, label: 'Average order', value: f.money(totals.averageOrderValue) },
        {
          id: `${prefix}-return-rate`,
          label: 'Return rate',
          value: f.percent(totals.rateOfReturn),
        },
        { id: `${prefix}-units`, label: 'Units', value: f.count(totals.units) },
      ]}
    />
  );
}

interface Props {
  scope: FigureScope;
  range: DayRange;
  prefix: string;
  fallbackCurrency: string;
}

export function SummaryCards({ scope, range, prefix, fallbackCurrency }: Props) {
  const { api, locale } = useSession();
  const theme = useChartTheme();
  const key = JSON.stringify([scope, range]);
  const months = useConsoleQuery(() => api.summary(scope, range, 'month'), `m:${key}`);
  const years = useConsoleQuery(() => api.summary(scope, range, 'year'), `y:${key}`);
  const f = useFormat(months.data?.meta.currency, fallbackCurrency);
  const suffix = `${scope.scope === 'chain' ? 'chain' : scope.storeId}-${range.from}-${range.to}`;
  const moneyAxis = { format: f.moneyAxis, exact: f.moneyOfMajor };
  const percentAxis = { format: (v: number) => `${Math.round(v)} %` };
  const m = months.data;
  return (
    <>
      <ErrorBanner
        message={months.errorText ?? years.errorText}
        testId={`figures-${prefix}-error`}
      />
      {m && (
        <>
          <p className="dash-source" data-testid={`figures-${prefix}-as-of`}>
            Figures as of {asOfWords(m.meta.asOf, locale)}
            {m.meta.currency === null &&
              ' · the stores trade in different currencies: amounts are not converted'}
          </p>
          <TotalsTiles totals={m.totals} f={f} prefix={prefix} />
        </>
      )}
      <div className="dash-grid">
        {m && (
          <ChartCard
            title="Months"
            testId={`chart-${prefix}-months`}
            columns={periodColumns(f, 'month')}
            rows={m.periods}
            fileSuffix={suffix}
            wide
          >
            <Chart
              type="bar"
              data={
                {
                  labels: m.periods.map((p) => f.month(p.period)),
                  datasets: [
                    {
                      type: 'bar',
                      label: 'Net sales',
                      data: m.periods.map((p) => f.major(p.netSales)),
                      backgroundColor: seriesColor(theme, 0),
                    },
                    {
                      type: 'line',
                      label: 'Year on year (%)',
                      data: m.periods.map((p) =>
                        p.yearOverYearGrowth === null ? null : p.yearOverYearGrowth * 100,
                      ),
                      borderColor: seriesColor(theme, 1),
                      backgroundColor: seriesColor(theme, 1),
                      yAxisID: 'y2',
                      spanGaps: true,
                      order: 1,
                    },
                  ],
                } as unknown as ChartData<'bar'>
              }
              options={cartesianOptions<'bar'>(theme, moneyAxis, { y2: percentAxis })}
            />
          </ChartCard>
        )}
        {years.data && (
          <ChartCard
            title="Years"
            testId={`chart-${prefix}-years`}
            columns={periodColumns(f, 'year')}
            rows={years.data.periods}
            fileSuffix={suffix}
          >
            <Bar
              data={{
                labels: years.data.periods.map((p) => p.period),
                datasets: [
                  {
                    label: 'Net sales',
                    data: years.data.periods.map((p) => f.major(p.netSales)),
                    backgroundColor: seriesColor(theme, 0),
                  },
                ],
              }}
              options={cartesianOptions<'bar'>(theme, moneyAxis)}
            />
          </ChartCard>
        )}
      </div>
    </>
  );
}
