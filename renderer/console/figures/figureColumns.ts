// Table and CSV columns of the console's figure cards (the dashboard's Column type and money
// formatting, so a figure reads the same in the till and at HQ).
import type { BreakdownRow, PeriodFigures } from '../../../shared/sync/analyticsApi';
import type { Column } from '../../src/dashboard/ChartCard';
import type { DashFormat } from '../../src/dashboard/dashboardFormat';

export const periodColumns = (f: DashFormat, grain: 'month' | 'year'): Column<PeriodFigures>[] => [
  {
    label: grain === 'month' ? 'Month' : 'Year',
    csv: (p) => p.period,
    show: (p) => (grain === 'month' ? f.month(p.period) : p.period),
  },
  {
    label: 'Net sales',
    csv: (p) => f.csvMoney(p.netSales),
    show: (p) => f.money(p.netSales),
    numeric: true,
  },
  {
    label: grain === 'month' ? 'On previous month' : 'On previous year',
    csv: (p) => p.previousPeriodGrowth,
    show: (p) => f.growth(p.previousPeriodGrowth),
    numeric: true,
  },
  {
    label: 'Year on year',
    csv: (p) => p.yearOverYearGrowth,
    show: (p) => f.growth(p.yearOverYearGrowth),
    numeric: true,
  },
  { label: 'Orders', csv: (p) => p.orders, show: (p) => f.count(p.orders), numeric: true },
  {
    label: 'Average order',
    csv: (p) => f.csvMoney(p.averageOrderValue),
    show: (p) => f.money(p.averageOrderValue),
    numeric: true,
  },
  {
    label: 'Return rate',
    csv: (p) => p.rateOfReturn,
    show: (p) => f.percent(p.rateOfReturn),
    numeric: true,
  },
];

export const breakdownColumns = (f: DashFormat, first: string): Column<BreakdownRow>[] => [
  { label: first, csv: (r) => r.label },
  {
    label: 'Net sales',
    csv: (r) => f.csvMoney(r.netSales),
    show: (r) => f.money(r.netSales),
    numeric: true,
  },
  {
    label: 'Orders',
    csv: (r) => r.orders,
    show: (r) => (r.orders === null ? '—' : f.count(r.orders)),
    numeric: true,
  },
  {
    label: 'Returns',
    csv: (r) => r.returns,
    show: (r) => (r.returns === null ? '—' : f.count(r.returns)),
    numeric: true,
  },
  { label: 'Units', csv: (r) => r.units, show: (r) => f.count(r.units), numeric: true },
];
