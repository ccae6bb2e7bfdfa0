// One store's tills: status, last push in words, overdue, events today and the catalog version
// each has pulled; for roles that may, adding a till (→ its one-time code), re-issuing a code
// (which disconnects the till at once) and revoking a till (its next push gets 401).
import { useMemo, useState } from 'react';
import type { ConsoleTill, TillEnrollment } from '../../../shared/console/consoleApi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import type { Column } from '../../src/dashboard/ChartCard';
import { errorWords } from '../api/consoleClient';
import { ConfirmDialog } from '../parts/ConfirmDialog';
import type { ConsoleRoute } from '../state/consoleRoute';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { CardAction } from '../parts/CardAction';
import { QueryTable } from '../parts/QueryTable';
import { AddTillDialog } from './AddTillDialog';
import { EnrollmentDialog } from './EnrollmentDialog';
import { pushAgeWords } from './syncHealthWords';

const STATUS_WORDS: Record<ConsoleTill['status'], string> = {
  'awaiting-enrollment': 'Waiting for the till to join',
  active: 'Active',
  revoked: 'Revoked',
};

type Pending = { kind: 'reissue' | 'revoke'; till: ConsoleTill };

export function TillsScreen({ storeId, go }: { storeId: string; go: (r: ConsoleRoute) => void }) {
  const session = useSession();
  const { api, locale } = session;
  const stores = useConsoleQuery(() => api.stores(), 'stores');
  const tills = useConsoleQuery(() => api.tills(storeId), `tills:${storeId}`, 30_000);
  const [adding, setAdding] = useState(false);
  const [enrollment, setEnrollment] = useState<TillEnrollment | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const writable = session.can('tills.write');
  const store = stores.data?.stores.find((s) => s.storeId === storeId) ?? null;
  const now = tills.data?.serverTime ?? session.now();
  const count = useMemo(() => new Intl.NumberFormat(locale), [locale]);

  const act = async (p: Pending) => {
    setBusy(true);
    setFailure(null);
    if (p.kind === 'reissue') {
      const r = await api.reissueCode(p.till.tillId);
      if (r.ok) setEnrollment(r.value);
      else setFailure(errorWords(r.error));
    } else {
      const r = await api.revokeTill(p.till.tillId);
      if (!r.ok) setFailure(errorWords(r.error));
    }
    setBusy(false);
    setPending(null);
    tills.reload();
  };

  const columns = useMemo((): Column<ConsoleTill>[] => {
    const cols: Column<ConsoleTill>[] = [
      { label: 'Till', csv: (t) => t.name },
      {
        label: 'Status',
        csv: (t) => t.status,
        show: (t) => (
          <span
            className={`console-status console-status-${t.status}`}
            data-testid={`till-status-${t.name}`}
          >
            {STATUS_WORDS[t.status]}
          </span>
        ),
      },
      {
        label: 'Last push',
        csv: (t) => (t.lastPushAt === null ? '' : new Date(t.lastPushAt).toISOString()),
        show: (t) => (
          <span data-testid={`till-last-push-${t.name}`}>
            {pushAgeWords(t.lastPushAt, now, locale)}
          </span>
        ),
      },
      {
        label: 'Overdue',
        csv: (t) => (t.overdue ? 'yes' : 'no'),
        show: (t) => (
          <span
            className={
              t.overdue ? 'console-flag console-flag-overdue' : 'console-flag console-flag-ok'
            }
            data-testid={`till-overdue-${t.name}`}
            data-flag={t.overdue ? 'overdue' : 'ok'}
          >
            {t.overdue ? 'Overdue' : 'No'}
          </span>
        ),
      },
      {
        label: 'Events today',
        csv: (t) => t.eventsToday,
        show: (t) => (
          <span data-testid={`till-events-today-${t.name}`}>{count.format(t.eventsToday)}</span>
        ),
        numeric: true,
      },
      {
        label: 'Catalog version',
        csv: (t) => t.catalogVersion,
        show: (t) => (
          <span data-testid={`till-catalog-version-${t.name}`}>
            {t.catalogVersion === null ? 'not pulled yet' : count.format(t.catalogVersion)}
          </span>
        ),
        numeric: true,
      },
    ];
    if (writable)
      cols.push({
        label: 'Actions',
        csv: () => null,
        show: (t) =>
          t.status === 'revoked' ? (
            <span className="hint">—</span>
          ) : (
            <span className="console-row-actions">
              <button
                type="button"
                data-testid={`till-reissue-${t.name}`}
                onClick={() => setPending({ kind: 'reissue', till: t })}
              >
                Re-issue code
              </button>
              <button
                type="button"
                className="btn-danger"
                data-testid={`till-revoke-${t.name}`}
                onClick={() => setPending({ kind: 'revoke', till: t })}
              >
                Revoke
              </button>
            </span>
          ),
      });
    return cols;
  }, [count, locale, now, writable]);

  return (
    <div className="console-screen" data-testid="tills-screen">
      <div className="console-crumbs">
        <button
          type="button"
          className="console-link"
          data-testid="tills-back"
          onClick={() => go({ screen: 'stores' })}
        >
          Stores
        </button>
        <span aria-hidden="true">›</span>
        <h1 data-testid="tills-store-name">{store?.name ?? 'Store'}</h1>
        {store && (
          <span className="hint">
            {store.code} · {[store.city, store.region, store.country].filter(Boolean).join(', ')} ·{' '}
            {store.currency} · {store.timeZone}
          </span>
        )}
      </div>
      <ErrorBanner
        message={failure}
        testId="tills-action-error"
        onDismiss={() => setFailure(null)}
      />
      <QueryTable
        query={tills}
        errorTestId="tills-error"
        loadingText="Loading tills…"
        rowsOf={(d) => d.tills}
        title="Tills"
        testId="tills-table"
        columns={columns}
        fileSuffix={store?.code ?? storeId}
        tall
        rowTestId={(t) => `till-row-${t.name}`}
        emptyText="No tills yet: add one and type its code into the till's Connect to HQ screen."
        actions={
          writable ? (
            <CardAction label="Add till" testId="till-add" onClick={() => setAdding(true)} />
          ) : null
        }
      />
      {adding && (
        <AddTillDialog
          storeId={storeId}
          onClose={() => setAdding(false)}
          onAdded={(e) => {
            setAdding(false);
            setEnrollment(e);
            tills.reload();
          }}
        />
      )}
      {enrollment && (
        <EnrollmentDialog enrollment={enrollment} onClose={() => setEnrollment(null)} />
      )}
      {pending?.kind === 'reissue' && (
        <ConfirmDialog
          title={`Re-issue a code for ${pending.till.name}?`}
          testId="till-reissue-confirm"
          confirmLabel="Re-issue code"
          danger
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void act(pending)}
        >
          The till's current connection is revoked at once: it stops syncing (and keeps selling
          offline) until someone types the new code into its Connect to HQ screen.
        </ConfirmDialog>
      )}
      {pending?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Revoke ${pending.till.name}?`}
          testId="till-revoke-confirm"
          confirmLabel="Revoke till"
          danger
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void act(pending)}
        >
          HQ refuses the till's next push. The till keeps selling offline and says that HQ
          disconnected it. This cannot be undone: add a new till to connect it again.
        </ConfirmDialog>
      )}
    </div>
  );
}
