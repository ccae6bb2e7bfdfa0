import type { OutboxStatus, Session } from '../../../shared/api';
import { useOutboxStatus } from '../state/useOutboxStatus';
import { useSettings } from '../state/settingsContext';
import { stripWords } from '../format/syncWords';

function syncText(status: OutboxStatus | null): string {
  if (!status) return 'Sync status: log in to see it';
  return stripWords(status);
}

/** Bottom strip: store, user, shift and the sync/outbox state. */
export function StatusStrip({ session }: { session: Session | null }) {
  const settings = useSettings();
  const status = useOutboxStatus(session?.user.id ?? '');
  const warn =
    status !== null && (status.rejected > 0 || status.online === false || status.needsReenrolment);
  return (
    <footer className="status-strip" data-testid="status-strip">
      <span>{settings.storeName}</span>
      {session && (
        <span>
          {session.user.name} ({session.user.role}) ·{' '}
          {session.shiftId ? 'Shift open' : 'No shift open'}
        </span>
      )}
      <span
        className={warn ? 'status-warn' : undefined}
        data-testid="sync-status"
        data-revoked={status?.needsReenrolment ? 'true' : undefined}
      >
        {syncText(status)}
      </span>
    </footer>
  );
}
