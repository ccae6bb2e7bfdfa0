// Number formatting for the dashboard, in the store's currency and locale. Money stays integer
// minor units everywhere; charts plot major units (a display-only division).
import {
  currencyExponent,
  formatMoney,
  formatWithDisplayMinus,
  minorToDecimalString,
  type Minor,
} from '../../../shared/money';

export interface DashFormat {
  money: (amount: Minor | null) => string;
  /** Axis ticks: compact money ("$12K"). */
  moneyAxis: (major: number) => string;
  /** Exact money display of a chart value (tooltips). */
  moneyOfMajor: (major: number) => string;
  /** Chart value of a minor amount. */
  major: (amount: Minor) => number;
  /** CSV value of a minor amount. */
  csvMoney: (amount: Minor | null) => string;
  count: (n: number) => string;
  percent: (ratio: number | null) => string;
  /** Signed growth, e.g. "+12.5 %". */
  growth: (ratio: number | null) => string;
  month: (yyyyMm: string) => string;
  day: (yyyyMmDd: string) => string;
}

export const dashFormat = (currency: string, locale: string): DashFormat => {
  const exp = currencyExponent(currency);
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  // Month and day keys are calendar dates: format them as UTC so no time zone can shift them.
  const monthName = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const dayName = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    money: (a) => (a === null ? '—' : formatMoney(a, currency, locale)),
    moneyAxis: (v) => formatWithDisplayMinus(compact, v),
    major: (a) => a / 10 ** exp,
    moneyOfMajor: (v) => formatMoney(Math.round(v * 10 ** exp), currency, locale),
    csvMoney: (a) => (a === null ? '' : minorToDecimalString(a, currency)),
    count: (n) => count.format(n),
    percent: (r) => (r === null ? '—' : percent.format(r)),
    growth: (r) => (r === null ? '—' : signed.format(r)),
    month: (m) => {
      const [y = 0, mo = 1] = m.split('-').map(Number);
      return monthName.format(new Date(Date.UTC(y, mo - 1, 1)));
    },
    day: (d) => {
      const [y = 0, mo = 1, da = 1] = d.split('-').map(Number);
      return dayName.format(new Date(Date.UTC(y, mo - 1, da)));
    },
  };
};
