// The HQ view: stores side by side, regions, chain-wide top products, and a drill from the chain
// to a store (months, tills, top products) and on to one till.
import { useMemo, useState } from 'react';
import { Bar } from 'react-chartjs-2';
import type { DashboardHq, HqFigure, HqStoreFigure } from '../../../shared/api';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { ChartCard } from './ChartCard';
import { cartesianOptions } from './chartOptions';
import { seriesColor, useChartTheme, type ChartTheme } from './chartTheme';
import { dashFormat, type DashFormat } from './dashboardFormat';
import { figureColumns, hqMonthColumns, productColumns, storeColumns } from './hqColumns';
import { HqConnectForm } from './HqConnectForm';
import { HqOwnStore } from './HqOwnStore';
import { KpiTiles } from './KpiTiles';
import { SharesDoughnut } from './SharesDoughnut';
import { TillSyncCard } from './TillSyncCard';
import { useDashboardCall } from './useDashboardCall';
import './chartSetup';
import { TopProductsBar } from './TopProductsBar';

interface Props {
  from: string;
  to: string;
  locale: string;
}

export function HqPanel({ from, to, locale }: Props) {
  const [storeId, setStoreId] = useState<string | null>(null);
  const [tillKey, setTillKey] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const input = { from, to, ...(storeId ? { storeId } : {}) };
  const { data, error, code } = useDashboardCall('dashboard-hq', input, undefined, generation);
  if (code === 'UNAUTHENTICATED') {
    return (
      <div data-testid="dashboard-hq-signed-out">
        <HqOwnStore from={from} to={to} />
        <HqConnectForm onConnected={() => setGeneration((g) => g + 1)} />
      </div>
    );
  }
  if (error) return <ErrorBanner message={error} testId="dashboard-hq-error" />;
  if (!data) return <p className="loading">Loading HQ figures…</p>;
  const disconnect = async () => {
    await call('dashboard-hq-disconnect', {});
    setGeneration((g) => g + 1);
  };
  return (
    <HqView
      hq={data}
      locale={locale}
      tillKey={tillKey}
      onStore={(id) => {
        setStoreId(id);
        setTillKey(null);
      }}
      onTill={setTillKey}
      onDisconnect={() => void disconnect()}
    />
  );
}

const comparisonBars = (theme: ChartTheme, f: DashFormat, rows: readonly HqFigure[]) => ({
  labels: rows.map((r) => r.label),
  datasets: [
    {
      label: 'Net sales',
      data: rows.map((r) => f.major(r.netSales)),
      backgroundColor: seriesColor(theme, 0),
    },
    {
      label: 'A year earlier',
      data: rows.map((r) => f.major(r.previousNetSales)),
      backgroundColor: theme.previous,
    },
  ],
});

const figureTiles = (f: DashFormat, r: HqFigure, prefix: string) => [
  {
    id: `${prefix}-net-sales`,
    label: 'Net sales',
    value: f.money(r.netSales),
    hint: `${f.growth(r.growth)} on a year earlier`,
  },
  { id: `${prefix}-orders`, label: 'Orders', value: f.count(r.orders) },
  { id: `${prefix}-aov`, label: 'Average order', value: f.money(r.averageOrderValue) },
  { id: `${prefix}-return-rate`, label: 'Return rate', value: f.percent(r.rateOfReturn) },
];

interface ViewProps {
  hq: DashboardHq;
  locale: string;
  tillKey: string | null;
  onStore: (id: string | null) => void;
  onTill: (key: string | null) => void;
  onDisconnect: () => void;
}

function HqView({ hq, locale, tillKey, onStore, onTill, onDisconnect }: ViewProps) {
  const theme = useChartTheme();
  // A chain in one currency formats everything in it; mixed chains format each store in its own.
  const chainCurrency = hq.currency ?? hq.stores[0]?.currency ?? 'USD';
  const f = useMemo(() => dashFormat(chainCurrency, locale), [chainCurrency, locale]);
  const perStore = useMemo(
    () => new Map(hq.stores.map((s) => [s.key, dashFormat(s.currency, locale)])),
    [hq.stores, locale],
  );
  const fOf = (s: HqStoreFigure) => perStore.get(s.key) ?? f;
  const suffix = `${hq.from}-${hq.to}`;
  const moneyAxis = { format: f.moneyAxis, exact: f.moneyOfMajor };
  const store = hq.store;
  const sf = store ? dashFormat(store.currency, locale) : f;
  const till = store?.tills.find((t) => t.key === tillKey) ?? null;
  const asOf =
    hq.asOf === null
      ? 'no sales yet'
      : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
          hq.asOf,
        );
  const ago = (t: number | null) =>
    t === null ? 'never' : `${Math.max(0, Math.round((Date.now() - t) / 60_000))} min ago`;

  return (
    <div data-testid="dashboard-hq">
      <div className="dash-crumbs" data-testid="hq-crumbs">
        <span className="dash-badge dash-badge-hq">HQ</span>
        <button type="button" onClick={() => onStore(null)} data-testid="hq-crumb-chain">
          Chain
        </button>
        {store && (
          <>
            ›
            <button type="button" onClick={() => onTill(null)} data-testid="hq-crumb-store">
              {store.name}
            </button>
          </>
        )}
        {till && <>› {till.label}</>}
        <span className="dash-source">
          · {hq.hqUrl} · figures as of {asOf}
          {hq.currency === null && ' · stores trade in different currencies'}
        </span>
        <button type="button" onClick={onDisconnect} data-testid="hq-disconnect">
          Disconnect
        </button>
      </div>

      {!store && (
        <div className="dash-grid">
          <ChartCard
            title="Stores side by side"
            testId="chart-hq-stores"
            columns={storeColumns(fOf)}
            rows={hq.stores}
            fileSuffix={suffix}
            wide
            onRowClick={(s) => onStore(s.key)}
            note="Open the table and pick a store to drill into it."
          >
            <Bar
              data={comparisonBars(theme, f, hq.stores)}
              options={cartesianOptions<'bar'>(theme, moneyAxis)}
            />
          </ChartCard>
          <ChartCard
            title="By region"
            testId="chart-hq-regions"
            columns={figureColumns<HqFigure>(() => f, 'Region')}
            rows={hq.regions}
            fileSuffix={suffix}
          >
            <SharesDoughnut parts={hq.regions} f={f} theme={theme} />
          </ChartCard>
          <ChartCard
            title="Chain-wide top products"
            testId="chart-hq-top"
            columns={productColumns(f)}
            rows={hq.topProducts}
            fileSuffix={suffix}
          >
            <TopProductsBar items={hq.topProducts} f={f} theme={theme} />
          </ChartCard>
          <TillSyncCard
            title="Tills' last sync"
            testId="chart-hq-till-sync"
            rows={hq.tillSync}
            hqTime={hq.hqTime}
            locale={locale}
            fileSuffix={`chain-${suffix}`}
          />
        </div>
      )}

      {store && !till && (
        <>
          <p className="dash-source" data-testid="hq-store-sync">
            Tills of {store.name} last synced {ago(store.lastSyncedAt)}
          </p>
          <div className="dash-grid">
            <ChartCard
              title={`${store.name}: months`}
              testId="chart-hq-store-months"
              columns={hqMonthColumns(sf)}
              rows={store.months}
              fileSuffix={`${store.storeId}-${suffix}`}
              wide
            >
              <Bar
                data={{
                  labels: store.months.map((m) => sf.month(m.month)),
                  datasets: [
                    {
                      label: 'Net sales',
                      data: store.months.map((m) => sf.major(m.netSales)),
                      backgroundColor: seriesColor(theme, 0),
                    },
                  ],
                }}
                options={cartesianOptions<'bar'>(theme, {
                  format: sf.moneyAxis,
                  exact: sf.moneyOfMajor,
                })}
              />
            </ChartCard>
            <ChartCard
              title={`${store.name}: tills`}
              testId="chart-hq-tills"
              columns={figureColumns<HqFigure>(() => sf, 'Till')}
              rows={store.tills}
              fileSuffix={`${store.storeId}-${suffix}`}
              onRowClick={(t) => onTill(t.key)}
              note="Open the table and pick a till to drill into it."
            >
              <Bar
                data={comparisonBars(theme, sf, store.tills)}
                options={cartesianOptions<'bar'>(theme, {
                  format: sf.moneyAxis,
                  exact: sf.moneyOfMajor,
                })}
              />
            </ChartCard>
            <ChartCard
              title={`${store.name}: top products`}
              testId="chart-hq-store-top"
              columns={productColumns(sf)}
              rows={store.topProducts}
              fileSuffix={`${store.storeId}-${suffix}`}
            >
              <TopProductsBar items={store.topProducts} f={sf} theme={theme} />
            </ChartCard>
            <TillSyncCard
              title={`${store.name}: tills' last sync`}
              testId="chart-hq-store-till-sync"
              rows={hq.tillSync.filter((t) => t.storeId === store.storeId)}
              hqTime={hq.hqTime}
              locale={locale}
              fileSuffix={`${store.storeId}-${suffix}`}
            />
          </div>
        </>
      )}

      {store && till && <KpiTiles testId="hq-till-kpis" tiles={figureTiles(sf, till, 'till')} />}
    </div>
  );
}
