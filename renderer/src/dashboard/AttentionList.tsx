// What needs the owner's attention from the sync side: events HQ refused (or the till could not
// send). A refused fact is never edited or re-sent; the owner reads why and dismisses it.
import { useState } from 'react';
import type { RejectedEventInfo } from '../../../shared/api';
import { call } from '../api/client';
import { rejectionAdvice } from '../format/syncWords';
import { useDashboardCall } from './useDashboardCall';

const REFRESH_MS = 5_000;

export function AttentionList({ locale }: { locale: string }) {
  const [generation, setGeneration] = useState(0);
  const { data } = useDashboardCall('sync-status', {}, REFRESH_MS, generation);
  const rejected: RejectedEventInfo[] = data?.rejected ?? [];
  if (rejected.length === 0) return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dismiss = async (eventId: string) => {
    await call('sync-dismiss-rejected', { eventId });
    setGeneration((g) => g + 1);
  };
  return (
    <section className="dash-attention" data-testid="attention-list" aria-label="Needs attention">
      <h2>Needs attention: {rejected.length} event(s) HQ did not accept</h2>
      <ul>
        {rejected.map((r) => (
          <li key={r.eventId} data-testid="attention-item" data-event-id={r.eventId}>
            <span>
              {r.type} #{r.seq} · {r.code}: {r.reason} · {when.format(r.at)}
              {rejectionAdvice(r.code) && ` · ${rejectionAdvice(r.code)}`}
            </span>
            <button type="button" className="btn-ghost" onClick={() => void dismiss(r.eventId)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
