// Security on the operations page: the wrong PINs tills reported (pin_failed events), newest
// first, with store, till, whose PIN, where it was typed, the run of failures and any lockout,
// so HQ sees a cashier guessing PINs. Refreshes itself.
import { useMemo } from 'react';
import type { PinFailureRow } from '../../../shared/console/consoleApi';
import type { Column } from '../../src/dashboard/ChartCard';
import { QueryTable } from '../parts/QueryTable';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { pushAgeWords } from '../stores/syncHealthWords';

const REFRESH_MS = 10_000;

const whoseWords = (f: PinFailureRow): string => {
  if (f.attempt === 'owner_pin') return 'an owner PIN';
  return f.userName ?? 'an unknown user';
};

export function PinFailuresCard({ storeName }: { storeName: ReadonlyMap<string, string> }) {
  const session = useSession();
  const { api, locale } = session;
  const failures = useConsoleQuery(() => api.pinFailures(), 'pin-failures', REFRESH_MS);

  const columns = useMemo(
    (): Column<PinFailureRow>[] => [
      {
        label: 'When',
        csv: (f) => new Date(f.occurredAt).toISOString(),
        show: (f) => pushAgeWords(f.occurredAt, session.now(), locale),
      },
      { label: 'Store', csv: (f) => storeName.get(f.storeId) ?? f.storeName ?? f.storeId },
      { label: 'Till', csv: (f) => f.tillName ?? f.tillId },
      { label: 'PIN of', csv: whoseWords },
      {
        label: 'Where',
        csv: (f) => (f.attempt === 'login' ? 'sign-in' : 'owner approval'),
      },
      {
        label: 'Failures in a row',
        csv: (f) => f.failures,
        show: (f) => <span data-testid={`pin-failure-count-${f.eventId}`}>{f.failures}</span>,
      },
      {
        label: 'Locked until',
        csv: (f) => (f.lockedUntil === null ? null : new Date(f.lockedUntil).toISOString()),
        show: (f) =>
          f.lockedUntil === null ? '—' : new Date(f.lockedUntil).toLocaleTimeString(locale),
      },
    ],
    [locale, session, storeName],
  );

  return (
    <QueryTable
      query={failures}
      errorTestId="pin-failures-error"
      rowsOf={(d) => d.items}
      title="Security: wrong PINs at tills"
      testId="pin-failures"
      columns={columns}
      fileSuffix="newest"
      rowTestId={(f) => `pin-failure-row-${f.eventId}`}
      emptyText="No wrong PINs reported by any till."
      note="Newest first. A till locks a PIN after 3 wrong tries in a row, for 30 s, doubling each time."
    />
  );
}
