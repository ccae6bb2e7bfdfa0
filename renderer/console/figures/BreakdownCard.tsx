// One breakdown of a scope's sales (by region, store, till, category or hour) as a chart with its
// table and CSV. Rows can be narrowed (a region's stores) and drilled into; a store list can carry
// each store's "as of"; the narrowed rows can also be shown as headline tiles.
import type { ReactNode } from 'react';
import { Bar } from 'react-chartjs-2';
import type { BreakdownDimension, BreakdownRow } from '../../../shared/sync/analyticsApi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard, type Column } from '../../src/dashboard/ChartCard';
import { SharesDoughnut } from '../../src/dashboard/SharesDoughnut';
import { cartesianOptions } from '../../src/dashboard/chartOptions';
import { seriesColor, useChartTheme } from '../../src/dashboard/chartTheme';
import type { DayRange, FigureScope } from '../api/consoleCalls';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { breakdownColumns } from './figureColumns';
import { totalsOfRows } from './figuresDrill';
import { TotalsTiles } from './SummaryCards';
import { useFormat } from './useFormat';

const FIRST_LABEL: Record<BreakdownDimension, string> = {
  region: 'Region',
  store: 'Store',
  till: 'Till',
  category: 'Category',
  hour: 'Hour',
  cashier: 'Cashier',
};

interface Props {
  scope: FigureScope;
  range: DayRange;
  by: BreakdownDimension;
  title: string;
  testId: string;
  fallbackCurrency: string;
  narrow?: (rows: readonly BreakdownRow[]) => BreakdownRow[];
  onDrill?: (row: BreakdownRow) => void;
  extraColumns?: Column<BreakdownRow>[];
  /** Show the (narrowed) rows' totals as tiles with this prefix. */
  tilesPrefix?: string;
  note?: ReactNode;
  wide?: boolean;
}

export function BreakdownCard(p: Props) {
  const { api } = useSession();
  const theme = useChartTheme();
  const q = useConsoleQuery(
    () => api.breakdown(p.scope, p.range, p.by),
    JSON.stringify([p.scope, p.range, p.by]),
  );
  const f = useFormat(q.data?.meta.currency, p.fallbackCurrency);
  const rows = q.data ? (p.narrow ? p.narrow(q.data.rows) : q.data.rows) : [];
  const moneyAxis = { format: f.moneyAxis, exact: f.moneyOfMajor };
  const [first, ...rest] = breakdownColumns(f, FIRST_LABEL[p.by]);
  const onDrill = p.onDrill;
  const columns: Column<BreakdownRow>[] = [
    onDrill
      ? {
          ...first!,
          show: (r) => (
            <button
              type="button"
              className="console-link"
              data-testid={`drill-${p.by}-${r.label}`}
              onClick={() => onDrill(r)}
            >
              {r.label}
            </button>
          ),
        }
      : first!,
    ...rest.map((c) =>
      c.label === 'Net sales'
        ? {
            ...c,
            show: (r: BreakdownRow) => (
              <span data-testid={`${p.by}-net-sales-${r.label}`}>{f.money(r.netSales)}</span>
            ),
          }
        : c,
    ),
    ...(p.extraColumns ?? []),
  ];
  const scopeName = p.scope.scope === 'chain' ? 'chain' : p.scope.storeId;
  const chart =
    p.by === 'category' ? (
      <SharesDoughnut
        parts={rows.map((r) => ({ label: r.label || '(none)', netSales: r.netSales }))}
        f={f}
        theme={theme}
      />
    ) : (
      <Bar
        data={{
          labels: rows.map((r) => r.label),
          datasets: [
            {
              label: 'Net sales',
              data: rows.map((r) => f.major(r.netSales)),
              backgroundColor: seriesColor(theme, p.by === 'hour' ? 4 : 0),
            },
          ],
        }}
        options={cartesianOptions<'bar'>(theme, moneyAxis, { horizontal: p.by !== 'hour' })}
      />
    );
  return (
    <>
      <ErrorBanner message={q.errorText} testId={`${p.testId}-error`} />
      {p.tilesPrefix && q.data && (
        <TotalsTiles totals={totalsOfRows(rows)} f={f} prefix={p.tilesPrefix} />
      )}
      {q.data && (
        <ChartCard
          title={p.title}
          testId={p.testId}
          columns={columns}
          rows={rows}
          fileSuffix={`${scopeName}-${p.range.from}-${p.range.to}`}
          rowTestId={(r) => `${p.testId}-row-${r.label}`}
          note={p.note}
          {...(p.wide ? { wide: true } : {})}
          {...(onDrill ? { onRowClick: onDrill } : {})}
        >
          {chart}
        </ChartCard>
      )}
    </>
  );
}
