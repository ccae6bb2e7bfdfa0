import type { OutboxStatus, Session } from '../../../shared/api';
import { useOutboxStatus } from '../state/useOutboxStatus';
import { useSettings } from '../state/settingsContext';

function syncText(status: OutboxStatus | null): string {
  if (!status) return 'Sync status: log in to see it';
  if (!status.enrolled) return `Not connected to HQ · ${status.pending} sales kept on this till`;
  const state =
    status.online === false ? 'HQ offline' : status.online ? 'HQ online' : 'HQ not contacted yet';
  const rejected = status.rejected > 0 ? ` · ${status.rejected} rejected` : '';
  return `${state} · ${status.pending} waiting to send${rejected}`;
}

/** Bottom strip: store, user, shift and the sync/outbox state. */
export function StatusStrip({ session }: { session: Session | null }) {
  const settings = useSettings();
  const status = useOutboxStatus(session?.user.id ?? '');
  const warn = status !== null && (status.rejected > 0 || status.online === false);
  return (
    <footer className="status-strip" data-testid="status-strip">
      <span>{settings.storeName}</span>
      {session && (
        <span>
          {session.user.name} ({session.user.role}) ·{' '}
          {session.shiftId ? 'Shift open' : 'No shift open'}
        </span>
      )}
      <span className={warn ? 'status-warn' : undefined} data-testid="sync-status">
        {syncText(status)}
      </span>
    </footer>
  );
}
