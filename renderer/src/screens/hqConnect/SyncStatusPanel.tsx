// A connected till's sync state in words: the HQ store it joined, last push, what waits, what HQ
// refused and why (dismissable), "Sync now", and "Disconnect" with a warning while events wait.
import { useState } from 'react';
import type { SyncStatus } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import {
  connectionWords,
  lastPushWords,
  rejectionAdvice,
  waitingWords,
} from '../../format/syncWords';
import { useDateTime, useSettings } from '../../state/settingsContext';

interface Props {
  status: SyncStatus;
  now: number;
  onStatus: (s: SyncStatus) => void;
}

export function SyncStatusPanel({ status, now, onStatus }: Props) {
  const { locale } = useSettings();
  const dateTime = useDateTime();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const run = async (
    task: () => ReturnType<typeof call<'sync-now'>>,
    after?: () => void,
  ): Promise<void> => {
    const r = await task();
    if (r.ok) {
      setError(null);
      onStatus(r.value);
      after?.();
    } else setError(errorText(r.error));
  };

  return (
    <div className="connect-status" data-testid="connect-status">
      <section className="card" data-testid="connect-joined">
        <h2>Joined HQ store</h2>
        <dl className="settings-list">
          <dt>Store</dt>
          <dd data-testid="connect-joined-store-name">{status.storeName ?? '—'}</dd>
          <dt>City</dt>
          <dd data-testid="connect-joined-store-city">{status.storeCity || '—'}</dd>
          <dt>Store id</dt>
          <dd data-testid="connect-joined-store-id">{status.storeId}</dd>
          <dt>Till id</dt>
          <dd data-testid="connect-joined-till-id">{status.tillId}</dd>
          <dt>Sync address</dt>
          <dd data-testid="connect-joined-url">{status.hqUrl}</dd>
          {status.enrolledAt !== null && (
            <>
              <dt>Connected on</dt>
              <dd>{dateTime(status.enrolledAt)}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="card" data-testid="sync-status-card">
        <h2>Sync</h2>
        <p
          className={status.online === false ? 'warn-banner' : 'dialog-lead'}
          data-testid="sync-connection"
        >
          {connectionWords(status, now)}
        </p>
        <dl className="settings-list">
          <dt>Last push</dt>
          <dd data-testid="sync-last-push">{lastPushWords(status.lastSyncAt, now, locale)}</dd>
          <dt>Waiting</dt>
          <dd data-testid="sync-pending" data-count={status.pending}>
            {waitingWords(status.pending)}
          </dd>
          <dt>Refused by HQ</dt>
          <dd data-testid="sync-rejected-count" data-count={status.rejected.length}>
            {status.rejected.length === 0 ? 'none' : `${status.rejected.length} events`}
          </dd>
        </dl>
        {status.lastError && status.online === false && (
          <p className="dash-source" data-testid="sync-last-error">
            Last problem: {status.lastError}
          </p>
        )}
        {status.rejected.length > 0 && (
          <table className="data-table" data-testid="sync-rejected">
            <thead>
              <tr>
                <th>When</th>
                <th>Event</th>
                <th>Why HQ refused it</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {status.rejected.map((r) => (
                <tr key={r.eventId} data-testid={`sync-rejected-${r.eventId}`}>
                  <td>{dateTime(r.at)}</td>
                  <td>
                    {r.type} #{r.seq}
                  </td>
                  <td>
                    {r.code}: {r.reason}
                    {rejectionAdvice(r.code) && (
                      <span data-testid={`sync-rejected-advice-${r.eventId}`}>
                        {' '}
                        {rejectionAdvice(r.code)}
                      </span>
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      data-testid={`sync-dismiss-${r.eventId}`}
                      onClick={() =>
                        void run(() => call('sync-dismiss-rejected', { eventId: r.eventId }))
                      }
                    >
                      Dismiss
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorBanner message={error} testId="sync-error" onDismiss={() => setError(null)} />
        <div className="dialog-actions">
          <button
            type="button"
            className="btn-primary"
            data-testid="sync-now"
            disabled={!status.running}
            onClick={() => void run(() => call('sync-now', {}))}
          >
            Sync now
          </button>
          <button
            type="button"
            className="btn-ghost"
            data-testid="sync-disconnect"
            onClick={() => setConfirming(true)}
          >
            Disconnect from HQ
          </button>
        </div>
        {confirming && (
          <div className="warn-banner" role="alertdialog" data-testid="sync-disconnect-warning">
            <p>
              {status.pending > 0
                ? `${status.pending} events have not reached HQ yet. They stay on this till and are sent only when it is connected again with a new code from HQ; until then HQ's figures miss them.`
                : 'HQ has every sale of this till. After disconnecting, new sales stay on this till until it is connected again with a new code from HQ.'}
            </p>
            <div className="dialog-actions">
              <button
                type="button"
                data-testid="sync-disconnect-confirm"
                onClick={() =>
                  void run(
                    () => call('sync-disconnect', { pendingAcknowledged: true }),
                    () => setConfirming(false),
                  )
                }
              >
                Disconnect anyway
              </button>
              <button
                type="button"
                className="btn-ghost"
                data-testid="sync-disconnect-cancel"
                onClick={() => setConfirming(false)}
              >
                Stay connected
              </button>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
