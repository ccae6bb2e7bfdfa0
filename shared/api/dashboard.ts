// Shapes the dashboard methods return. Money is integer minor units in `currency`; ratios are
// plain numbers (0.25 = 25 %) or null where the KPI is undefined (no orders, no base year).
import type { Minor } from '../money';
import type { SalesKpis } from '../kpi/salesKpis';
import type { TillSyncRow } from '../sync/analyticsApi';

/** Where a period's figures came from: the till's own database, or the HQ warehouse (cached). */
export type FigureSource = 'local' | 'hq';

export interface ProductFigure {
  rank: number;
  productId: string;
  sku: string;
  name: string;
  category: string;
  netSales: Minor;
  units: number;
}

export interface CategoryFigure {
  category: string;
  netSales: Minor;
  units: number;
  orders: number;
}

export interface HourFigure {
  /** Local hour of day, 0..23. */
  hour: number;
  netSales: Minor;
  orders: number;
  units: number;
}

export interface CashierFigure {
  cashierId: string;
  cashierName: string;
  netSales: Minor;
  orders: number;
  returns: number;
}

export interface DashboardToday {
  /** Local date, YYYY-MM-DD, in the store's time zone. */
  day: string;
  currency: string;
  locale: string;
  timeZone: string;
  /** When these figures were computed (UTC ms); today's figures are always live. */
  asOf: number;
  totals: SalesKpis;
  /** All 24 hours, empty ones with zeros, so charts keep a stable axis. */
  byHour: HourFigure[];
  topProducts: ProductFigure[];
  byCategory: CategoryFigure[];
  byCashier: CashierFigure[];
}

export interface MonthFigure {
  /** YYYY-MM (local calendar). */
  month: string;
  totals: SalesKpis;
  /** Same month one year earlier (same filters); null when HQ's synced copy does not reach back. */
  previousYear: SalesKpis | null;
  /** net sales growth over the same month of the previous year. */
  growth: number | null;
}

export interface YearFigure {
  year: number;
  totals: SalesKpis;
  /** The previous year over the same calendar span (like for like when this year is partial). */
  previousYear: SalesKpis | null;
  growth: number | null;
  /** True when the year is not over (or the range cuts it): compared like for like. */
  partial: boolean;
}

export interface MonthTopProducts {
  month: string;
  items: ProductFigure[];
}

export interface MonthCategoryFigure {
  month: string;
  category: string;
  netSales: Minor;
  units: number;
  orders: number;
}

export interface DashboardTrends {
  /** Source of the months and years. */
  source: FigureSource;
  /** HQ's synced copy holds fewer breakdowns than the till; each section says where it came from. */
  topProductsSource: FigureSource;
  categoriesSource: FigureSource;
  /** For HQ figures, when HQ computed them; for local ones, now. UTC ms. */
  asOf: number;
  currency: string;
  locale: string;
  timeZone: string;
  /** The local-day range actually covered, YYYY-MM-DD inclusive. */
  from: string;
  to: string;
  months: MonthFigure[];
  years: YearFigure[];
  topProductsByMonth: MonthTopProducts[];
  categoriesByMonth: MonthCategoryFigure[];
  /** Every category with sales in the range (for the category filter). */
  categories: string[];
}

/** Figures HQ gives per store, region or till (breakdown rows), with the shared KPIs applied. */
export interface HqFigure {
  key: string;
  label: string;
  netSales: Minor;
  orders: number;
  returns: number;
  units: number;
  averageOrderValue: Minor | null;
  rateOfReturn: number | null;
  /** Net sales over the same dates one year earlier. */
  previousNetSales: Minor;
  growth: number | null;
}

export interface HqStoreFigure extends HqFigure {
  region: string;
  city: string;
  currency: string;
}

export interface HqMonthFigure {
  month: string;
  netSales: Minor;
  orders: number;
  averageOrderValue: Minor | null;
  rateOfReturn: number | null;
  yearOverYearGrowth: number | null;
}

export interface HqStoreDrill {
  storeId: string;
  name: string;
  currency: string;
  /** When HQ last applied an event from this store (UTC ms): its tills' last sync. */
  lastSyncedAt: number | null;
  months: HqMonthFigure[];
  tills: HqFigure[];
  topProducts: ProductFigure[];
}

export interface DashboardHq {
  hqUrl: string;
  from: string;
  to: string;
  /** Latest event time HQ has applied for the chain (UTC ms). */
  asOf: number | null;
  appliedAt: number | null;
  /** The chain's one currency, or null when stores differ (then compare within a currency). */
  currency: string | null;
  stores: HqStoreFigure[];
  regions: HqFigure[];
  /** Chain-wide top products over the range (by net sales). */
  topProducts: ProductFigure[];
  store: HqStoreDrill | null;
  /** Every till of the chain and when HQ last heard from it. */
  tillSync: TillSyncRow[];
  /** HQ's clock when the till list was read (UTC ms): sync ages are measured against it. */
  hqTime: number;
}
