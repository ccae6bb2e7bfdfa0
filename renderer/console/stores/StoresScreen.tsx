// Every store with its tills' sync health (last push in words, overdue, events today), and —
// for roles that may — creating and editing stores. A store's name opens its tills.
import { useMemo, useState } from 'react';
import type { ConsoleStore } from '../../../shared/console/consoleApi';
import type { Column } from '../../src/dashboard/ChartCard';
import type { ConsoleRoute } from '../state/consoleRoute';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { CardAction } from '../parts/CardAction';
import { editColumn } from '../parts/editColumn';
import { QueryTable } from '../parts/QueryTable';
import { StoreFormDialog } from './StoreFormDialog';
import { HEALTH_WORDS, pushAgeWords, storeHealthFlag } from './syncHealthWords';

const REFRESH_MS = 30_000;

export function StoresScreen({ go }: { go: (r: ConsoleRoute) => void }) {
  const session = useSession();
  const { api, locale } = session;
  const q = useConsoleQuery(() => api.stores(), 'stores', REFRESH_MS);
  const [editing, setEditing] = useState<ConsoleStore | 'new' | null>(null);
  const writable = session.can('stores.write');
  if (q.data) session.noteServerTime(q.data.serverTime);
  const now = q.data?.serverTime ?? session.now();

  const columns = useMemo((): Column<ConsoleStore>[] => {
    const cols: Column<ConsoleStore>[] = [
      {
        label: 'Store',
        csv: (s) => s.name,
        show: (s) => (
          <button
            type="button"
            className="console-link"
            data-testid={`store-open-${s.code}`}
            onClick={() => go({ screen: 'tills', storeId: s.storeId })}
          >
            {s.name}
          </button>
        ),
      },
      { label: 'Code', csv: (s) => s.code },
      { label: 'City', csv: (s) => s.city },
      { label: 'Region', csv: (s) => s.region },
      { label: 'Country', csv: (s) => s.country },
      { label: 'Currency', csv: (s) => s.currency },
      { label: 'Time zone', csv: (s) => s.timeZone },
      {
        label: 'Tills',
        csv: (s) => s.health.activeTills,
        show: (s) => (
          <span data-testid={`store-tills-${s.code}`}>
            {s.health.activeTills}
            {s.health.tills !== s.health.activeTills && ` of ${s.health.tills}`}
          </span>
        ),
        numeric: true,
      },
      {
        label: 'Last push',
        csv: (s) =>
          s.health.lastPushAt === null ? '' : new Date(s.health.lastPushAt).toISOString(),
        show: (s) => (
          <span data-testid={`store-last-push-${s.code}`}>
            {pushAgeWords(s.health.lastPushAt, now, locale)}
          </span>
        ),
      },
      {
        label: 'Sync health',
        csv: (s) => HEALTH_WORDS[storeHealthFlag(s.health)],
        show: (s) => {
          const flag = storeHealthFlag(s.health);
          return (
            <span
              className={`console-flag console-flag-${flag}`}
              data-testid={`store-health-${s.code}`}
              data-flag={flag}
            >
              {HEALTH_WORDS[flag]}
              {flag === 'overdue' && ` (${s.health.overdueTills})`}
            </span>
          );
        },
      },
      {
        label: 'Events today',
        csv: (s) => s.health.eventsToday,
        show: (s) => (
          <span data-testid={`store-events-today-${s.code}`}>
            {new Intl.NumberFormat(locale).format(s.health.eventsToday)}
          </span>
        ),
        numeric: true,
      },
      {
        // Old events are not refused (a till may come back after weeks offline): HQ sees them.
        label: 'Imported / late',
        csv: (s) => `${s.health.importedEvents}/${s.health.lateEvents}`,
        show: (s) => (
          <span
            data-testid={`store-event-origins-${s.code}`}
            title="Events from a history import / events applied over a month after they occurred"
          >
            {new Intl.NumberFormat(locale).format(s.health.importedEvents)} /{' '}
            {new Intl.NumberFormat(locale).format(s.health.lateEvents)}
          </span>
        ),
        numeric: true,
      },
    ];
    if (writable) cols.push(editColumn<ConsoleStore>((s) => `store-edit-${s.code}`, setEditing));
    return cols;
  }, [go, locale, now, writable]);

  return (
    <div className="console-screen" data-testid="stores-screen">
      <h1>Stores</h1>
      <QueryTable
        query={q}
        errorTestId="stores-error"
        loadingText="Loading stores…"
        rowsOf={(d) => d.stores}
        title="Stores"
        testId="stores-table"
        columns={columns}
        fileSuffix="list"
        tall
        rowTestId={(s) => `store-row-${s.code}`}
        emptyText="No stores yet."
        actions={
          writable ? (
            <CardAction label="Add store" testId="store-create" onClick={() => setEditing('new')} />
          ) : null
        }
        note="Last push and events today come from each store's tills; a till silent for more than an hour is overdue."
      />
      {editing && (
        <StoreFormDialog
          store={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            q.reload();
          }}
        />
      )}
    </div>
  );
}
