// Table and CSV columns of the month/year cards (kept apart from the panel so it stays readable).
import type { MonthCategoryFigure, MonthFigure, YearFigure } from '../../../shared/api';
import type { Column } from './ChartCard';
import type { DashFormat } from './dashboardFormat';

export interface TopRow {
  month: string;
  rank: number;
  sku: string;
  name: string;
  category: string;
  netSales: number;
  units: number;
}

export const monthColumns = (f: DashFormat): Column<MonthFigure>[] => [
  { label: 'Month', csv: (m) => m.month, show: (m) => f.month(m.month) },
  {
    label: 'Net sales',
    csv: (m) => f.csvMoney(m.totals.netSales),
    show: (m) => f.money(m.totals.netSales),
    numeric: true,
  },
  {
    label: 'Previous year',
    csv: (m) => f.csvMoney(m.previousYear?.netSales ?? null),
    show: (m) => f.money(m.previousYear?.netSales ?? null),
    numeric: true,
  },
  { label: 'Growth', csv: (m) => m.growth, show: (m) => f.growth(m.growth), numeric: true },
];

export const ordersColumns = (f: DashFormat): Column<MonthFigure>[] => [
  { label: 'Month', csv: (m) => m.month, show: (m) => f.month(m.month) },
  {
    label: 'Orders',
    csv: (m) => m.totals.orders,
    show: (m) => f.count(m.totals.orders),
    numeric: true,
  },
  {
    label: 'Returns',
    csv: (m) => m.totals.returns,
    show: (m) => f.count(m.totals.returns),
    numeric: true,
  },
  {
    label: 'Return rate',
    csv: (m) => m.totals.rateOfReturn,
    show: (m) => f.percent(m.totals.rateOfReturn),
    numeric: true,
  },
  {
    label: 'Average order',
    csv: (m) => f.csvMoney(m.totals.averageOrderValue),
    show: (m) => f.money(m.totals.averageOrderValue),
    numeric: true,
  },
  {
    label: 'Units',
    csv: (m) => m.totals.units,
    show: (m) => f.count(m.totals.units),
    numeric: true,
  },
];

export const yearColumns = (f: DashFormat): Column<YearFigure>[] => [
  { label: 'Year', csv: (y) => (y.partial ? `${y.year} (partial)` : String(y.year)) },
  {
    label: 'Net sales',
    csv: (y) => f.csvMoney(y.totals.netSales),
    show: (y) => f.money(y.totals.netSales),
    numeric: true,
  },
  {
    label: 'Same span, previous year',
    csv: (y) => f.csvMoney(y.previousYear?.netSales ?? null),
    show: (y) => f.money(y.previousYear?.netSales ?? null),
    numeric: true,
  },
  { label: 'Growth', csv: (y) => y.growth, show: (y) => f.growth(y.growth), numeric: true },
  {
    label: 'Orders',
    csv: (y) => y.totals.orders,
    show: (y) => f.count(y.totals.orders),
    numeric: true,
  },
  {
    label: 'Average order',
    csv: (y) => f.csvMoney(y.totals.averageOrderValue),
    show: (y) => f.money(y.totals.averageOrderValue),
    numeric: true,
  },
  {
    label: 'Return rate',
    csv: (y) => y.totals.rateOfReturn,
    show: (y) => f.percent(y.totals.rateOfReturn),
    numeric: true,
  },
];

export const topColumns = (f: DashFormat): Column<TopRow>[] => [
  { label: 'Month', csv: (r) => r.month, show: (r) => f.month(r.month) },
  { label: 'Rank', csv: (r) => r.rank, numeric: true },
  { label: 'SKU', csv: (r) => r.sku },
  { label: 'Product', csv: (r) => r.name },
  { label: 'Category', csv: (r) => r.category },
  { label: 'Units', csv: (r) => r.units, show: (r) => f.count(r.units), numeric: true },
  {
    label: 'Net sales',
    csv: (r) => f.csvMoney(r.netSales),
    show: (r) => f.money(r.netSales),
    numeric: true,
  },
];

export const categoryColumns = (f: DashFormat): Column<MonthCategoryFigure>[] => [
  { label: 'Month', csv: (r) => r.month, show: (r) => f.month(r.month) },
  { label: 'Category', csv: (r) => r.category || '(none)' },
  { label: 'Orders', csv: (r) => r.orders, show: (r) => f.count(r.orders), numeric: true },
  { label: 'Units', csv: (r) => r.units, show: (r) => f.count(r.units), numeric: true },
  {
    label: 'Net sales',
    csv: (r) => f.csvMoney(r.netSales),
    show: (r) => f.money(r.netSales),
    numeric: true,
  },
];
