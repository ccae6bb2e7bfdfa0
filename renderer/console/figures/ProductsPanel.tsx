// Top products per month (by net sales or units, one month on the chart, every month in the table
// and CSV), and sales by category and by hour of day, for the scope and range.
import { useState } from 'react';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard } from '../../src/dashboard/ChartCard';
import { useChartTheme } from '../../src/dashboard/chartTheme';
import { topColumns, type TopRow } from '../../src/dashboard/trendColumns';
import type { DayRange, FigureScope } from '../api/consoleCalls';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { BreakdownCard } from './BreakdownCard';
import { useFormat } from './useFormat';
import { TopProductsBar } from '../../src/dashboard/TopProductsBar';

interface Props {
  scope: FigureScope;
  range: DayRange;
  fallbackCurrency: string;
  /** A region's products come from the whole chain (the API has no region scope). */
  chainWide: boolean;
}

export function ProductsPanel({ scope, range, fallbackCurrency, chainWide }: Props) {
  const { api } = useSession();
  const theme = useChartTheme();
  const [rankBy, setRankBy] = useState<'net' | 'units'>('net');
  const [picked, setPicked] = useState<string | null>(null);
  const top = useConsoleQuery(
    () => api.topProducts(scope, range, 10),
    JSON.stringify([scope, range]),
  );
  const f = useFormat(top.data?.meta.currency, fallbackCurrency);
  const months = (top.data?.months ?? []).filter((m) => m.byNetSales.length > 0);
  const month = months.find((m) => m.month === picked) ?? months[months.length - 1];
  const list = (m: (typeof months)[number]) => (rankBy === 'units' ? m.byUnits : m.byNetSales);
  const rows: TopRow[] = months.flatMap((m) => list(m).map((p) => ({ month: m.month, ...p })));
  const shown = month ? list(month) : [];
  const suffix = `${scope.scope === 'chain' ? 'chain' : scope.storeId}-${range.from}-${range.to}`;
  return (
    <>
      {chainWide && (
        <p className="dash-source">Products, categories and hours of the whole chain.</p>
      )}
      <ErrorBanner message={top.errorText} testId="figures-top-error" />
      <div className="dash-grid">
        {top.data && (
          <ChartCard
            title={`Top products per month (by ${rankBy === 'units' ? 'units' : 'net sales'})`}
            testId="chart-top-products"
            columns={topColumns(f)}
            rows={rows}
            fileSuffix={suffix}
            wide
            note={
              <span className="console-toolbar">
                <label>
                  Month{' '}
                  <select
                    value={month?.month ?? ''}
                    data-testid="top-month"
                    onChange={(e) => setPicked(e.target.value)}
                  >
                    {months.map((m) => (
                      <option key={m.month} value={m.month}>
                        {f.month(m.month)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Rank by{' '}
                  <select
                    value={rankBy}
                    data-testid="top-rank-by"
                    onChange={(e) => setRankBy(e.target.value === 'units' ? 'units' : 'net')}
                  >
                    <option value="net">Net sales</option>
                    <option value="units">Units</option>
                  </select>
                </label>
              </span>
            }
          >
            <TopProductsBar items={shown} f={f} theme={theme} byUnits={rankBy === 'units'} />
          </ChartCard>
        )}
        <BreakdownCard
          scope={scope}
          range={range}
          by="category"
          title="By category"
          testId="chart-categories"
          fallbackCurrency={fallbackCurrency}
          note="Grouped by the category each item was sold as."
        />
        <BreakdownCard
          scope={scope}
          range={range}
          by="hour"
          title="By hour of day"
          testId="chart-hours"
          fallbackCurrency={fallbackCurrency}
          note="Hours on each store's own clock."
        />
      </div>
    </>
  );
}
