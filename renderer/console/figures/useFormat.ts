// The dashboard's number formatting for an answer's currency: the one currency of the stores in
// scope (meta.currency), or — for a chain trading in several — the first store's, said on screen.
import { useMemo } from 'react';
import { dashFormat, type DashFormat } from '../../src/dashboard/dashboardFormat';
import { useSession } from '../state/sessionContext';

export const useFormat = (currency: string | null | undefined, fallback: string): DashFormat => {
  const { locale } = useSession();
  const c = currency ?? fallback;
  return useMemo(() => dashFormat(c, locale), [c, locale]);
};

export const asOfWords = (asOf: number | null, locale: string): string =>
  asOf === null
    ? 'no sales yet'
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(asOf);
