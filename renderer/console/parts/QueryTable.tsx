// A console list fed by one useConsoleQuery: its error as a banner, an optional loading line until
// the first answer, then the table card (table only, full width) once rows are there. The lists
// of stores, tills, accounts, audit entries, dead letters and till reports all show a query so.
import type { ComponentProps } from 'react';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import { ChartCard } from '../../src/dashboard/ChartCard';
import type { Query } from '../state/useConsoleQuery';

type CardProps<R> = Omit<ComponentProps<typeof ChartCard<R>>, 'rows' | 'tableOnly' | 'wide'>;

type Props<T, R> = CardProps<R> & {
  query: Query<T>;
  errorTestId: string;
  rowsOf: (data: T) => readonly R[];
  /** Shown while the first answer is awaited (no error yet). */
  loadingText?: string;
};

export function QueryTable<T, R>({
  query,
  errorTestId,
  rowsOf,
  loadingText,
  ...card
}: Props<T, R>) {
  return (
    <>
      <ErrorBanner message={query.errorText} testId={errorTestId} />
      {loadingText && !query.data && !query.error && <p className="loading">{loadingText}</p>}
      {query.data && <ChartCard {...card} rows={rowsOf(query.data)} tableOnly wide />}
    </>
  );
}
