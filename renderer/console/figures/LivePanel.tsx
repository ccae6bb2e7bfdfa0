// The live last hour: orders per minute, average order value, rate of return and the top products
// of the last 60 minutes (GET /v1/analytics/live), refetched whenever the change stream says a
// store in scope changed — no page reload — and once a minute so the window moves on.
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type { LiveMinute } from '../../../shared/sync/analyticsApi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard, type Column } from '../../src/dashboard/ChartCard';
import { cartesianOptions } from '../../src/dashboard/chartOptions';
import { seriesColor, useChartTheme } from '../../src/dashboard/chartTheme';
import type { DashFormat } from '../../src/dashboard/dashboardFormat';
import { KpiTiles } from '../../src/dashboard/KpiTiles';
import type { FigureScope } from '../api/consoleCalls';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { useAnalyticsStream } from './useAnalyticsStream';
import { asOfWords, useFormat } from './useFormat';
import { productColumns } from '../../src/dashboard/hqColumns';
import { TopProductsBar } from '../../src/dashboard/TopProductsBar';

const STREAM_WORDS = { connecting: 'connecting…', open: 'live', down: 'reconnecting…' } as const;

const minuteColumns = (f: DashFormat, time: Intl.DateTimeFormat): Column<LiveMinute>[] => [
  {
    label: 'Minute',
    csv: (m) => new Date(m.minute).toISOString(),
    show: (m) => time.format(m.minute),
  },
  { label: 'Orders', csv: (m) => m.orders, show: (m) => f.count(m.orders), numeric: true },
  {
    label: 'Net sales',
    csv: (m) => f.csvMoney(m.netSales),
    show: (m) => f.money(m.netSales),
    numeric: true,
  },
];

export function LivePanel({
  scope,
  fallbackCurrency,
}: {
  scope: FigureScope;
  fallbackCurrency: string;
}) {
  const { api, locale } = useSession();
  const theme = useChartTheme();
  const q = useConsoleQuery(() => api.live(scope), JSON.stringify(scope), 60_000);
  const stream = useAnalyticsStream(scope, q.reload);
  const f = useFormat(q.data?.meta.currency, fallbackCurrency);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }), [locale]);
  const rate = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const d = q.data;
  const suffix = `${scope.scope === 'chain' ? 'chain' : scope.storeId}-last-hour`;
  return (
    <div data-testid="live-panel">
      <p className="dash-source" data-testid="live-status" data-stream={stream}>
        Last 60 minutes{d && ` (${time.format(d.windowStart)}–${time.format(d.windowEnd)})`} ·
        updates {STREAM_WORDS[stream]}
        {d && ` · figures as of ${asOfWords(d.meta.asOf, locale)}`}
      </p>
      <ErrorBanner message={q.errorText} testId="live-error" />
      {d && (
        <>
          <KpiTiles
            testId="live-totals"
            tiles={[
              {
                id: 'live-orders-per-minute',
                label: 'Orders per minute',
                value: rate.format(d.ordersPerMinute),
              },
              { id: 'live-orders', label: 'Orders', value: f.count(d.totals.orders) },
              { id: 'live-net-sales', label: 'Net sales', value: f.money(d.totals.netSales) },
              {
                id: 'live-aov',
                label: 'Average order',
                value: f.money(d.totals.averageOrderValue),
              },
              {
                id: 'live-return-rate',
                label: 'Return rate',
                value: f.percent(d.totals.rateOfReturn),
              },
            ]}
          />
          <div className="dash-grid">
            <ChartCard
              title="Orders per minute"
              testId="chart-live-minutes"
              columns={minuteColumns(f, time)}
              rows={d.minutes}
              fileSuffix={suffix}
              wide
            >
              <Bar
                data={{
                  labels: d.minutes.map((m) => time.format(m.minute)),
                  datasets: [
                    {
                      label: 'Orders',
                      data: d.minutes.map((m) => m.orders),
                      backgroundColor: seriesColor(theme, 0),
                    },
                  ],
                }}
                options={cartesianOptions<'bar'>(theme, { format: f.count })}
              />
            </ChartCard>
            <ChartCard
              title="Top products, last 60 minutes"
              testId="chart-live-top"
              columns={productColumns(f)}
              rows={d.topProducts}
              fileSuffix={suffix}
            >
              <TopProductsBar items={d.topProducts} f={f} theme={theme} />
            </ChartCard>
          </div>
        </>
      )}
    </div>
  );
}
