// The "months & years" view of each drill level: the chain's totals, months, years, regions and
// stores; a region's stores (filtered from the by-store breakdown with the stores list's regions);
// a store's totals, months, years and tills; one till's totals.
import { useMemo } from 'react';
import type { ConsoleStore } from '../../../shared/console/consoleApi';
import type { BreakdownRow } from '../../../shared/sync/analyticsApi';
import type { Column } from '../../src/dashboard/ChartCard';
import type { DayRange } from '../api/consoleCalls';
import type { FigureLevel } from '../state/consoleRoute';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { BreakdownCard } from './BreakdownCard';
import { asOfByStore, rowsOfStores, storesOfRegion } from './figuresDrill';
import { SummaryCards } from './SummaryCards';
import { asOfWords } from './useFormat';

interface Props {
  level: FigureLevel;
  range: DayRange;
  stores: readonly ConsoleStore[];
  fallbackCurrency: string;
  drill: (l: FigureLevel) => void;
}

const chain = { scope: 'chain' } as const;

export function OverviewPanel({ level, range, stores, fallbackCurrency, drill }: Props) {
  const { api, locale } = useSession();
  const atChain = level.kind === 'chain' || level.kind === 'region';
  const sync = useConsoleQuery(
    () => (atChain ? api.tillSync(chain) : Promise.resolve({ ok: true as const, value: null })),
    `till-sync:${atChain}`,
    60_000,
  );
  const asOf = useMemo(() => asOfByStore(sync.data?.rows ?? []), [sync.data]);
  const asOfColumn: Column<BreakdownRow> = {
    label: 'Figures as of',
    csv: (r) => {
      const t = asOf.get(r.key) ?? null;
      return t === null ? '' : new Date(t).toISOString();
    },
    show: (r) => (
      <span data-testid={`store-as-of-${r.label}`}>
        {asOfWords(asOf.get(r.key) ?? null, locale)}
      </span>
    ),
  };
  const regionStores = useMemo(
    () => (level.kind === 'region' ? storesOfRegion(stores, level.region) : new Set<string>()),
    [level, stores],
  );
  const toStore = (r: BreakdownRow) => drill({ kind: 'store', storeId: r.key });

  switch (level.kind) {
    case 'chain':
      return (
        <>
          <SummaryCards
            scope={chain}
            range={range}
            prefix="chain"
            fallbackCurrency={fallbackCurrency}
          />
          <div className="dash-grid">
            <BreakdownCard
              scope={chain}
              range={range}
              by="region"
              title="By region"
              testId="chart-regions"
              fallbackCurrency={fallbackCurrency}
              onDrill={(r) => drill({ kind: 'region', region: r.key })}
              note="Pick a region to see its stores."
            />
            <BreakdownCard
              scope={chain}
              range={range}
              by="store"
              title="By store"
              testId="chart-stores"
              fallbackCurrency={fallbackCurrency}
              onDrill={toStore}
              extraColumns={[asOfColumn]}
              note="Pick a store to see its months, years and tills."
            />
          </div>
        </>
      );
    case 'region':
      return (
        <div className="dash-grid">
          <BreakdownCard
            scope={chain}
            range={range}
            by="store"
            title={`Stores of ${level.region}`}
            testId="chart-region-stores"
            fallbackCurrency={fallbackCurrency}
            narrow={(rows) => rowsOfStores(rows, regionStores)}
            onDrill={toStore}
            extraColumns={[asOfColumn]}
            tilesPrefix="region"
            wide
          />
        </div>
      );
    case 'store':
      return (
        <>
          <SummaryCards
            scope={{ scope: 'store', storeId: level.storeId }}
            range={range}
            prefix="store"
            fallbackCurrency={fallbackCurrency}
          />
          <div className="dash-grid">
            <BreakdownCard
              scope={{ scope: 'store', storeId: level.storeId }}
              range={range}
              by="till"
              title="By till"
              testId="chart-tills"
              fallbackCurrency={fallbackCurrency}
              onDrill={(r) => drill({ kind: 'till', storeId: level.storeId, tillId: r.key })}
              note="Pick a till to see its own figures."
            />
          </div>
        </>
      );
    case 'till':
      return (
        <div className="dash-grid">
          <BreakdownCard
            scope={{ scope: 'store', storeId: level.storeId }}
            range={range}
            by="till"
            title="This till"
            testId="chart-till"
            fallbackCurrency={fallbackCurrency}
            narrow={(rows) => rows.filter((r) => r.key === level.tillId)}
            tilesPrefix="till"
            wide
          />
        </div>
      );
  }
}
