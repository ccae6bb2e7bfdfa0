// Operations: the health of Kafka and Postgres, the warehouse consumer's lag, and the dead letters
// (events the consumer could not apply) with their reason, code and raw event; "Retry" sends one
// back once its cause is fixed (audit-logged) and shows what the retry did; below, the wrong PINs
// tills reported (PinFailuresCard). Refreshes itself.
import { useMemo, useState } from 'react';
import type { DeadLetterRetryResponse, DeadLetterRow } from '../../../shared/console/consoleApi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import type { Column } from '../../src/dashboard/ChartCard';
import { KpiTiles } from '../../src/dashboard/KpiTiles';
import { errorWords } from '../api/consoleClient';
import { ConfirmDialog } from '../parts/ConfirmDialog';
import { NewerOlderPager, useIdPages } from '../parts/idPages';
import { QueryTable } from '../parts/QueryTable';
import { useSession } from '../state/sessionContext';
import { CartVoidsCard } from './CartVoidsCard';
import { PinFailuresCard } from './PinFailuresCard';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { pushAgeWords } from '../stores/syncHealthWords';

const REFRESH_MS = 10_000;

export function OpsScreen() {
  const session = useSession();
  const { api, locale } = session;
  const health = useConsoleQuery(() => api.health(), 'ops-health', REFRESH_MS);
  const pages = useIdPages();
  const { cursor } = pages;
  const letters = useConsoleQuery(() => api.deadLetters(cursor), `dl:${cursor ?? ''}`, REFRESH_MS);
  const stores = useConsoleQuery(() => api.stores(), 'stores');
  const storeName = useMemo(
    () => new Map((stores.data?.stores ?? []).map((s) => [s.storeId, s.name])),
    [stores.data],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<DeadLetterRow | null>(null);
  const [outcome, setOutcome] = useState<DeadLetterRetryResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const writable = session.can('ops.write');
  const count = new Intl.NumberFormat(locale);
  const h = health.data;

  const retry = async (l: DeadLetterRow) => {
    setBusy(true);
    setFailure(null);
    const r = await api.retryDeadLetter(l.id);
    setBusy(false);
    setRetrying(null);
    if (r.ok) setOutcome(r.value);
    else setFailure(errorWords(r.error));
    letters.reload();
  };

  const columns = useMemo((): Column<DeadLetterRow>[] => {
    const cols: Column<DeadLetterRow>[] = [
      {
        label: 'When',
        csv: (l) => new Date(l.createdAt).toISOString(),
        show: (l) => pushAgeWords(l.createdAt, session.now(), locale),
      },
      { label: 'Store', csv: (l) => (l.storeId ? (storeName.get(l.storeId) ?? l.storeId) : '') },
      {
        label: 'Code',
        csv: (l) => l.code,
        show: (l) => <code data-testid={`dead-letter-code-${l.id}`}>{l.code}</code>,
      },
      { label: 'Reason', csv: (l) => l.reason },
      {
        label: 'Event',
        csv: (l) => l.event,
        show: (l) =>
          l.event === null ? (
            '—'
          ) : (
            <span>
              <button
                type="button"
                aria-expanded={open === l.id}
                data-testid={`dead-letter-event-${l.id}`}
                onClick={() => setOpen((o) => (o === l.id ? null : l.id))}
              >
                {open === l.id ? 'Hide event' : 'Show event'}
              </button>
              {open === l.id && (
                <pre className="console-json" data-testid={`dead-letter-json-${l.id}`}>
                  {pretty(l.event)}
                </pre>
              )}
            </span>
          ),
      },
      {
        label: 'Last retry',
        csv: (l) => l.retryOutcome,
        show: (l) =>
          l.retriedAt === null
            ? 'never'
            : `${l.retryOutcome ?? ''} (${pushAgeWords(l.retriedAt, session.now(), locale)})`,
      },
    ];
    if (writable)
      cols.push({
        label: 'Actions',
        csv: () => null,
        show: (l) => (
          <button
            type="button"
            data-testid={`dead-letter-retry-${l.id}`}
            onClick={() => setRetrying(l)}
          >
            Retry
          </button>
        ),
      });
    return cols;
  }, [locale, open, session, storeName, writable]);

  return (
    <div className="console-screen" data-testid="ops-screen">
      <h1>Operations</h1>
      <ErrorBanner message={health.errorText} testId="ops-health-error" />
      {h && (
        <>
          <KpiTiles
            testId="ops-health"
            tiles={[
              {
                id: 'ops-kafka',
                label: 'Kafka',
                value: h.kafka.ok ? 'OK' : 'Down',
                hint: h.kafka.message,
              },
              {
                id: 'ops-postgres',
                label: 'PostgreSQL',
                value: h.postgres.ok ? 'OK' : 'Down',
                hint: h.postgres.message,
              },
              {
                id: 'ops-lag',
                label: 'Consumer lag',
                value: h.consumerLag === null ? 'unknown' : count.format(h.consumerLag.total),
                hint:
                  h.consumerLag === null
                    ? 'Kafka did not answer'
                    : `messages not yet applied, ${h.consumerLag.partitions.length} partitions`,
              },
              { id: 'ops-dead-letters', label: 'Dead letters', value: count.format(h.deadLetters) },
            ]}
          />
          <p className="hint" data-testid="ops-checked">
            Checked {pushAgeWords(h.checkedAt, session.now(), locale)}; refreshes every{' '}
            {REFRESH_MS / 1000} s.
          </p>
        </>
      )}
      <ErrorBanner
        message={failure}
        testId="dead-letter-retry-error"
        onDismiss={() => setFailure(null)}
      />
      {outcome && (
        <p
          className={outcome.outcome === 'republished' ? 'info-note' : 'warn-banner'}
          role="status"
          data-testid="dead-letter-outcome"
          data-outcome={outcome.outcome}
        >
          {outcome.outcome === 'republished' ? 'Sent back to the warehouse: ' : 'Still refused: '}
          {outcome.message}
        </p>
      )}
      <QueryTable
        query={letters}
        errorTestId="dead-letters-error"
        rowsOf={(d) => d.items}
        title="Dead letters"
        testId="dead-letters"
        columns={columns}
        fileSuffix={cursor ? `before-${cursor}` : 'newest'}
        tall
        rowTestId={(l) => `dead-letter-row-${l.id}`}
        emptyText="No dead letters: every event HQ received was applied."
        note={`${count.format(letters.data?.total ?? 0)} in all, newest first.`}
      />
      {letters.data && (
        <NewerOlderPager
          pages={pages}
          rows={letters.data.items}
          pageSize={50}
          testIdPrefix="dead-letters"
        />
      )}
      <PinFailuresCard storeName={storeName} />
      <CartVoidsCard storeName={storeName} />
      {retrying && (
        <ConfirmDialog
          title="Retry this dead letter?"
          testId="dead-letter-retry-confirm"
          confirmLabel="Retry"
          busy={busy}
          onCancel={() => setRetrying(null)}
          onConfirm={() => void retry(retrying)}
        >
          The event is checked again and, if it is valid now, sent to the warehouse (which applies
          it once, whatever happened before). Retry only once its cause ({retrying.code}) is fixed.
        </ConfirmDialog>
      )}
    </div>
  );
}

const pretty = (json: string): string => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};
