// Store settings are needed by every screen (currency, locale, time zone for display); they change
// rarely, so a context read-only to screens is enough.
import { createContext, useContext, useMemo } from 'react';
import type { StoreSettings } from '../../../shared/api';
import { formatMoney, minorToDecimalString, parseMoney, type Minor } from '../../../shared/money';

export const SettingsContext = createContext<StoreSettings | null>(null);

export const useSettings = (): StoreSettings => {
  const settings = useContext(SettingsContext);
  if (!settings) throw new Error('useSettings used outside a SettingsContext provider');
  return settings;
};

export interface MoneyFormat {
  currency: string;
  /** Localised display, e.g. "₹1,234.50". */
  format: (amount: Minor) => string;
  /** Plain decimal for input fields, e.g. "1234.50". */
  toInput: (amount: Minor) => string;
  /** Typed decimal to minor units, or null when malformed. */
  parse: (text: string) => Minor | null;
}

export const useMoney = (): MoneyFormat => {
  const { currency, locale } = useSettings();
  return useMemo(
    () => ({
      currency,
      format: (amount: Minor) => formatMoney(amount, currency, locale),
      toInput: (amount: Minor) => minorToDecimalString(amount, currency),
      parse: (text: string) => parseMoney(text, currency),
    }),
    [currency, locale],
  );
};

/** Date and time in the store's time zone (what the shop's clock says, not the browser's). */
export const useDateTime = (): ((epochMs: number) => string) => {
  const { locale, timeZone } = useSettings();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    return (epochMs: number) => f.format(new Date(epochMs));
  }, [locale, timeZone]);
};
