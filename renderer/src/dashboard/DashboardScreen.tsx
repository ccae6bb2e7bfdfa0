// The owner's landing screen: today live, months and years, stock. Filters (date range, category,
// ranking) apply to the tabs they make sense for; every card has a table view and a CSV export.
import { useCallback, useMemo, useState } from 'react';
import { useSettings } from '../state/settingsContext';
import { AttentionList } from './AttentionList';
import { DayRangeInputs } from './DayRangeInputs';
import { HqPanel } from './HqPanel';
import { StockPanel } from './StockPanel';
import { TodayPanel } from './TodayPanel';
import { TrendsPanel, type TrendFilters } from './TrendsPanel';
import { useDashboardCall } from './useDashboardCall';
import './dashboard.css';
import { ViewTabs, type ViewTab } from './ViewTabs';
import { localDayOf } from '../../../shared/calendar';

type Tab = 'today' | 'trends' | 'stock' | 'hq';
const TABS: readonly ViewTab<Tab>[] = [
  { id: 'today', label: 'Today' },
  { id: 'trends', label: 'Months & years' },
  { id: 'stock', label: 'Stock' },
  { id: 'hq', label: 'HQ' },
];

/** Today's date on the store's calendar (not the browser's), YYYY-MM-DD. */
export const storeToday = (timeZone: string, now: number = Date.now()): string =>
  localDayOf(now, timeZone);

export function DashboardScreen() {
  const { timeZone, locale } = useSettings();
  const today = useMemo(() => storeToday(timeZone), [timeZone]);
  const [tab, setTab] = useState<Tab>('today');
  // Default range: the start of last year to today, so every month has its year-ago companion.
  const [filters, setFilters] = useState<TrendFilters>(() => ({
    from: `${Number(today.slice(0, 4)) - 1}-01-01`,
    to: today,
    category: '',
    rankBy: 'net',
  }));
  const [categories, setCategories] = useState<string[]>([]);
  const catalogCategories = useDashboardCall('catalog-categories', {}).data;
  // Categories sold in the range (they may no longer be in the catalog) and the catalog's own.
  const categoryOptions = useMemo(
    () => [...new Set([...categories, ...(catalogCategories ?? [])])].sort(),
    [categories, catalogCategories],
  );
  const onCategories = useCallback(
    (c: string[]) => setCategories((old) => (old.join('\u0000') === c.join('\u0000') ? old : c)),
    [],
  );
  const set = <K extends keyof TrendFilters>(key: K, value: TrendFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const rangeValid = filters.from !== '' && filters.to !== '' && filters.from <= filters.to;

  return (
    <div className="dash" data-testid="dashboard-screen">
      <div className="dash-head">
        <h1>Dashboard</h1>
        <ViewTabs
          tabs={TABS}
          selected={tab}
          onSelect={setTab}
          label="Dashboard views"
          testIdPrefix="dash-tab"
        />
      </div>
      <AttentionList locale={locale} />
      {tab !== 'today' && (
        <div className="dash-filters" data-testid="dash-filters">
          {(tab === 'trends' || tab === 'hq') && (
            <>
              <DayRangeInputs
                from={filters.from}
                to={filters.to}
                onFrom={(day) => set('from', day)}
                onTo={(day) => set('to', day)}
                testIdPrefix="filter"
              />
            </>
          )}
          {tab === 'trends' && (
            <label>
              Rank products by
              <select
                value={filters.rankBy}
                onChange={(e) => set('rankBy', e.target.value === 'units' ? 'units' : 'net')}
              >
                <option value="net">Net sales</option>
                <option value="units">Units</option>
              </select>
            </label>
          )}
          <label hidden={tab === 'hq'}>
            Category
            <select
              value={filters.category}
              data-testid="filter-category"
              onChange={(e) => set('category', e.target.value)}
            >
              <option value="">All categories</option>
              {categoryOptions.map((c) => (
                <option key={c} value={c}>
                  {c || '(none)'}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {tab === 'today' && <TodayPanel />}
      {tab === 'trends' &&
        (rangeValid ? (
          <TrendsPanel filters={filters} onCategories={onCategories} />
        ) : (
          <p className="dash-empty">Pick a start date on or before the end date.</p>
        ))}
      {tab === 'stock' && <StockPanel category={filters.category} />}
      {tab === 'hq' &&
        (rangeValid ? <HqPanel from={filters.from} to={filters.to} locale={locale} /> : null)}
    </div>
  );
}
