// Table and CSV columns of the HQ view's cards.
import type { HqFigure, HqMonthFigure, HqStoreFigure } from '../../../shared/api';
import type { Minor } from '../../../shared/money';
import type { Column } from './ChartCard';
import type { DashFormat } from './dashboardFormat';

export const figureColumns = <R extends HqFigure>(
  f: (r: R) => DashFormat,
  first: string,
): Column<R>[] => [
  { label: first, csv: (r) => r.label },
  {
    label: 'Net sales',
    csv: (r) => f(r).csvMoney(r.netSales),
    show: (r) => f(r).money(r.netSales),
    numeric: true,
  },
  {
    label: 'Growth (year on year)',
    csv: (r) => r.growth,
    show: (r) => f(r).growth(r.growth),
    numeric: true,
  },
  { label: 'Orders', csv: (r) => r.orders, show: (r) => f(r).count(r.orders), numeric: true },
  {
    label: 'Average order',
    csv: (r) => f(r).csvMoney(r.averageOrderValue),
    show: (r) => f(r).money(r.averageOrderValue),
    numeric: true,
  },
  {
    label: 'Return rate',
    csv: (r) => r.rateOfReturn,
    show: (r) => f(r).percent(r.rateOfReturn),
    numeric: true,
  },
];

export const storeColumns = (f: (r: HqStoreFigure) => DashFormat): Column<HqStoreFigure>[] => {
  const [name, ...rest] = figureColumns(f, 'Store');
  return [
    name!,
    { label: 'Region', csv: (r) => r.region },
    { label: 'City', csv: (r) => r.city },
    ...rest,
  ];
};

export const hqMonthColumns = (f: DashFormat): Column<HqMonthFigure>[] => [
  { label: 'Month', csv: (m) => m.month, show: (m) => f.month(m.month) },
  {
    label: 'Net sales',
    csv: (m) => f.csvMoney(m.netSales),
    show: (m) => f.money(m.netSales),
    numeric: true,
  },
  {
    label: 'Growth (year on year)',
    csv: (m) => m.yearOverYearGrowth,
    show: (m) => f.growth(m.yearOverYearGrowth),
    numeric: true,
  },
  { label: 'Orders', csv: (m) => m.orders, show: (m) => f.count(m.orders), numeric: true },
  {
    label: 'Average order',
    csv: (m) => f.csvMoney(m.averageOrderValue),
    show: (m) => f.money(m.averageOrderValue),
    numeric: true,
  },
  {
    label: 'Return rate',
    csv: (m) => m.rateOfReturn,
    show: (m) => f.percent(m.rateOfReturn),
    numeric: true,
  },
];

/** A ranked product row, as the till's HQ view and the console's live figures list them. */
export const productColumns = <
  P extends {
    rank: number;
    sku: string;
    name: string;
    category: string;
    units: number;
    netSales: Minor;
  },
>(
  f: DashFormat,
): Column<P>[] => [
  { label: 'Rank', csv: (p) => p.rank, numeric: true },
  { label: 'SKU', csv: (p) => p.sku },
  { label: 'Product', csv: (p) => p.name },
  { label: 'Category', csv: (p) => p.category },
  { label: 'Units', csv: (p) => p.units, show: (p) => f.count(p.units), numeric: true },
  {
    label: 'Net sales',
    csv: (p) => f.csvMoney(p.netSales),
    show: (p) => f.money(p.netSales),
    numeric: true,
  },
];
