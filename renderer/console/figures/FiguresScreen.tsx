// Figures: chain → region → store → till, each level with its headline numbers, months and years
// with year-over-year growth, its parts to drill into, top products per month, categories, hours
// and the live last hour. Every chart has a table view and a CSV (the dashboard's ChartCard).
import { useState } from 'react';
import type { ConsoleStore } from '../../../shared/console/consoleApi';
import type { FigureScope } from '../api/consoleCalls';
import type { ConsoleRoute, FigureLevel } from '../state/consoleRoute';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { defaultRange, latestStoreToday } from './figuresDrill';
import { LivePanel } from './LivePanel';
import { OverviewPanel } from './OverviewPanel';
import { ProductsPanel } from './ProductsPanel';
import '../../src/dashboard/chartSetup';
import { DayRangeInputs } from '../../src/dashboard/DayRangeInputs';
import { ViewTabs, type ViewTab } from '../../src/dashboard/ViewTabs';

type Tab = 'overview' | 'products' | 'live';
const TABS: readonly ViewTab<Tab>[] = [
  { id: 'overview', label: 'Months & years' },
  { id: 'products', label: 'Products, categories, hours' },
  { id: 'live', label: 'Live last hour' },
];

export const scopeOfLevel = (level: FigureLevel): FigureScope =>
  level.kind === 'store' || level.kind === 'till'
    ? { scope: 'store', storeId: level.storeId }
    : { scope: 'chain' };

export function FiguresScreen({
  level,
  go,
}: {
  level: FigureLevel;
  go: (r: ConsoleRoute) => void;
}) {
  const { api } = useSession();
  const [picked, setRange] = useState<{ from: string; to: string } | null>(null);
  const [tab, setTab] = useState<Tab>('overview');
  const stores = useConsoleQuery(() => api.stores(), 'stores');
  const list: readonly ConsoleStore[] = stores.data?.stores ?? [];
  // Until the person picks dates: the start of last year to the latest store's today.
  const range = picked ?? defaultRange(latestStoreToday(list.map((s) => s.timeZone)));
  const store =
    level.kind === 'store' || level.kind === 'till'
      ? (list.find((s) => s.storeId === level.storeId) ?? null)
      : null;
  const drill = (l: FigureLevel) => go({ screen: 'figures', level: l });
  const rangeValid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const scope = scopeOfLevel(level);
  const fallbackCurrency = store?.currency ?? list[0]?.currency ?? 'USD';
  const regionOfStore = store ? store.region.trim() || 'Unknown' : null;

  return (
    <div className="console-screen" data-testid="figures-screen" data-level={level.kind}>
      <div className="console-crumbs" data-testid="figures-crumbs">
        <h1>Figures</h1>
        <button
          type="button"
          className="console-link"
          data-testid="figures-crumb-chain"
          onClick={() => drill({ kind: 'chain' })}
        >
          Chain
        </button>
        {(level.kind === 'region' || regionOfStore !== null) && (
          <>
            <span aria-hidden="true">›</span>
            <button
              type="button"
              className="console-link"
              data-testid="figures-crumb-region"
              onClick={() =>
                drill({
                  kind: 'region',
                  region: level.kind === 'region' ? level.region : (regionOfStore ?? ''),
                })
              }
            >
              {level.kind === 'region' ? level.region : regionOfStore}
            </button>
          </>
        )}
        {store && (
          <>
            <span aria-hidden="true">›</span>
            <button
              type="button"
              className="console-link"
              data-testid="figures-crumb-store"
              onClick={() => drill({ kind: 'store', storeId: store.storeId })}
            >
              {store.name}
            </button>
          </>
        )}
        {level.kind === 'till' && (
          <>
            <span aria-hidden="true">›</span>
            <span data-testid="figures-crumb-till">Till</span>
          </>
        )}
      </div>
      <div className="dash-head">
        <ViewTabs
          tabs={TABS}
          selected={tab}
          onSelect={setTab}
          label="Figure views"
          testIdPrefix="figures-tab"
        />
        {tab !== 'live' && (
          <div className="dash-filters" data-testid="figures-filters">
            <DayRangeInputs
              from={range.from}
              to={range.to}
              onFrom={(day) => setRange({ ...range, from: day })}
              onTo={(day) => setRange({ ...range, to: day })}
              testIdPrefix="figures"
            />
          </div>
        )}
      </div>
      {tab !== 'live' && !rangeValid && (
        <p className="dash-empty">Pick a start date on or before the end date.</p>
      )}
      {!stores.data && <p className="loading">Loading…</p>}
      {tab === 'overview' && rangeValid && stores.data && (
        <OverviewPanel
          level={level}
          range={range}
          stores={list}
          fallbackCurrency={fallbackCurrency}
          drill={drill}
        />
      )}
      {tab === 'products' && rangeValid && stores.data && (
        <ProductsPanel
          scope={scope}
          range={range}
          fallbackCurrency={fallbackCurrency}
          chainWide={level.kind === 'region'}
        />
      )}
      {tab === 'live' && <LivePanel scope={scope} fallbackCurrency={fallbackCurrency} />}
    </div>
  );
}
