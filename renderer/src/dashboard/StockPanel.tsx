// Stock from the till: what is on hand, what needs refilling (at or below the reorder level, or
// fewer days of cover than the supplier's lead time), and when each item was last received.
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import type { StockRow } from '../../../shared/api';
import { ErrorBanner } from '../components/ErrorBanner';
import { useDateTime, useSettings } from '../state/settingsContext';
import { ChartCard, type Column } from './ChartCard';
import { cartesianOptions } from './chartOptions';
import { seriesColor, useChartTheme } from './chartTheme';
import { dashFormat } from './dashboardFormat';
import { KpiTiles } from './KpiTiles';
import { useDashboardCall } from './useDashboardCall';
import './chartSetup';

const LIST_LIMIT = 500;

export function StockPanel({ category }: { category: string }) {
  const all = useDashboardCall('stock-list', {
    query: '',
    onlyRefill: false,
    offset: 0,
    limit: LIST_LIMIT,
  });
  const refill = useDashboardCall('stock-list', {
    query: '',
    onlyRefill: true,
    offset: 0,
    limit: LIST_LIMIT,
  });
  const error = all.error ?? refill.error;
  if (error) return <ErrorBanner message={error} testId="dashboard-stock-error" />;
  if (!all.data || !refill.data) return <p className="loading">Loading stock…</p>;
  const pick = (rows: StockRow[]) =>
    category ? rows.filter((r) => r.category === category) : rows;
  return (
    <StockView
      items={pick(all.data.items)}
      total={all.data.total}
      refill={pick(refill.data.items)}
      refillTotal={refill.data.total}
    />
  );
}

function StockView({
  items,
  total,
  refill,
  refillTotal,
}: {
  items: StockRow[];
  total: number;
  refill: StockRow[];
  refillTotal: number;
}) {
  const theme = useChartTheme();
  const { currency, locale } = useSettings();
  const when = useDateTime();
  const f = useMemo(() => dashFormat(currency, locale), [currency, locale]);
  const cover = (r: StockRow) => (r.daysOfCover === null ? '—' : r.daysOfCover.toFixed(1));
  const columns: Column<StockRow>[] = [
    { label: 'SKU', csv: (r) => r.sku },
    { label: 'Product', csv: (r) => r.name },
    { label: 'Category', csv: (r) => r.category },
    { label: 'On hand', csv: (r) => r.onHand, show: (r) => f.count(r.onHand), numeric: true },
    { label: 'Reorder at', csv: (r) => r.reorderLevel, numeric: true },
    { label: 'Sold per day (28 d)', csv: (r) => r.avgDailyUnits28d.toFixed(2), numeric: true },
    {
      label: 'Days of cover',
      csv: (r) => (r.daysOfCover === null ? null : r.daysOfCover.toFixed(1)),
      show: cover,
      numeric: true,
    },
    { label: 'Lead time (days)', csv: (r) => r.leadTimeDays, numeric: true },
    {
      label: 'Last received',
      csv: (r) => (r.lastReceivedAt === null ? null : new Date(r.lastReceivedAt).toISOString()),
      show: (r) => (r.lastReceivedAt === null ? 'never' : when(r.lastReceivedAt)),
    },
  ];
  const chartRows = refill.slice(0, 15);
  const unitsOnHand = items.reduce((a, r) => a + r.onHand, 0);
  return (
    <div data-testid="dashboard-stock">
      <KpiTiles
        testId="stock-kpis"
        tiles={[
          { id: 'stock-products', label: 'Products', value: f.count(total) },
          {
            id: 'stock-units',
            label: 'Units on hand',
            value: f.count(unitsOnHand),
            hint: total > items.length ? `first ${f.count(items.length)} products` : undefined,
          },
          { id: 'stock-refill', label: 'Need refilling', value: f.count(refillTotal) },
        ]}
      />
      <div className="dash-grid">
        <ChartCard
          title="Refill list: days of cover vs lead time"
          testId="chart-refill"
          columns={columns}
          rows={refill}
          fileSuffix="refill"
          wide
          note="Refill when on hand is at or below the reorder level, or when days of cover (on hand ÷ average daily units over 28 days) fall below the lead time."
        >
          <Bar
            data={{
              labels: chartRows.map((r) => r.name),
              datasets: [
                {
                  label: 'Days of cover',
                  data: chartRows.map((r) => r.daysOfCover ?? 0),
                  backgroundColor: seriesColor(theme, 5),
                },
                {
                  label: 'Lead time (days)',
                  data: chartRows.map((r) => r.leadTimeDays),
                  backgroundColor: theme.previous,
                },
              ],
            }}
            options={cartesianOptions<'bar'>(
              theme,
              { format: (v) => f.count(v) },
              { horizontal: true },
            )}
          />
        </ChartCard>
        <ChartCard
          title="Stock on hand"
          testId="table-stock"
          columns={columns}
          rows={items}
          fileSuffix="on-hand"
          tableOnly
          wide
        />
      </div>
    </div>
  );
}
