// Owner: connect this till to HQ with a one-time code, then watch its sync in words. When HQ has
// revoked the till (a push answered 401), the screen says so and offers the form again for a new
// code; the till goes on selling and queues its sales meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { REVOKED_HEADLINE, REVOKED_TEXT, waitingWords } from '../../format/syncWords';
import { announceSyncChanged } from '../../state/useOutboxStatus';
import { ConnectForm } from './ConnectForm';
import { SyncStatusPanel } from './SyncStatusPanel';

const POLL_MS = 2_000;

export function ConnectHqScreen() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);
  const revoked = useRef<boolean | null>(null);

  const load = useCallback(async () => {
    const r = await call('sync-status', {});
    setNow(Date.now());
    if (r.ok) {
      // A revocation seen here is news for the cashier's strip too.
      if (revoked.current !== null && revoked.current !== r.value.needsReenrolment)
        announceSyncChanged();
      revoked.current = r.value.needsReenrolment;
      setStatus(r.value);
    } else setError(errorText(r.error));
  }, []);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const adopt = (s: SyncStatus) => {
    setNow(Date.now());
    setStatus(s);
    announceSyncChanged();
  };

  return (
    <div className="page" data-testid="connect-hq-screen">
      <h1>Connect to HQ</h1>
      <ErrorBanner message={error} testId="connect-load-error" />
      {status && status.needsReenrolment && (
        <div className="warn-banner connect-revoked" role="alert" data-testid="connect-revoked">
          <strong>{REVOKED_HEADLINE}</strong> {REVOKED_TEXT} Now: {waitingWords(status.pending)}.
        </div>
      )}
      {status && (!status.enrolled || status.needsReenrolment) && (
        <ConnectForm initialUrl={status.hqUrl ?? ''} onEnrolled={adopt} />
      )}
      {status && !status.enrolled && status.pending > 0 && (
        <p className="dash-source" data-testid="connect-pending-offline">
          {waitingWords(status.pending)}: they go to HQ once this till is connected.
        </p>
      )}
      {status && status.enrolled && <SyncStatusPanel status={status} now={now} onStatus={adopt} />}
    </div>
  );
}
