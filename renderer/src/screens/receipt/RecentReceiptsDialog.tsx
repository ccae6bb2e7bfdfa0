import { useEffect, useState } from 'react';
import type { Receipt, ReceiptMatch } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime, useMoney } from '../../state/settingsContext';
import { printReceipt } from './printReceipt';
import { ReceiptView } from './ReceiptView';

/** How long typing pauses before the list is searched again. */
const SEARCH_PAUSE_MS = 200;

/**
 * F5: the latest receipts on this till; open one to see or reprint it. The search box finds a
 * receipt by its number (any case, or the sequence number alone), an item, or the amount; the
 * date narrows it to one day. Enter opens the first match.
 */
export function RecentReceiptsDialog({ onClose }: { onClose: () => void }) {
  const money = useMoney();
  const when = useDateTime();
  const [recent, setRecent] = useState<ReceiptMatch[] | null>(null);
  const [query, setQuery] = useState('');
  const [day, setDay] = useState('');
  const [open, setOpen] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void call('sale-search', { query, limit: 30, ...(day ? { day } : {}) }).then((r) => {
        if (!current) return;
        if (r.ok) {
          setRecent(r.value);
          setError(null);
        } else setError(errorText(r.error));
      });
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, day]);

  const show = async (eventId: string) => {
    const r = await call('sale-receipt', { eventId });
    if (r.ok) setOpen(r.value);
    else setError(errorText(r.error));
  };

  return (
    <Dialog
      title="Recent receipts"
      testId="recent-receipts"
      onClose={open ? () => setOpen(null) : onClose}
      wide
    >
      <ErrorBanner message={error} testId="recent-error" />
      {open ? (
        <>
          <ReceiptView receipt={open} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(null)}>
              ← Back
            </button>
            <button
              type="button"
              className="btn-primary"
              onClick={() => void printReceipt(open.eventId).then(setError)}
            >
              Print
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="form-row">
            <input
              type="search"
              data-autofocus
              data-testid="recent-search"
              aria-label="Search receipts"
              placeholder="Receipt no. (or just 42), item, or amount"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                const first = recent?.[0];
                if (e.key === 'Enter' && first) {
                  e.preventDefault();
                  void show(first.eventId);
                }
              }}
            />
            <input
              type="date"
              data-testid="recent-day"
              aria-label="On the day"
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
          </div>
          <ul className="pick-list" data-testid="recent-list">
            {recent?.length === 0 && (
              <li>{query || day ? 'No receipt matches.' : 'No receipts yet.'}</li>
            )}
            {(recent ?? []).map((s) => (
              <li key={s.eventId}>
                <button
                  type="button"
                  className="pick-item"
                  data-testid={`recent-${s.receiptNo}`}
                  onClick={() => void show(s.eventId)}
                >
                  <span>{s.receiptNo}</span>
                  <span>{s.kind === 'return' ? 'Return' : 'Sale'}</span>
                  <span>{when(s.occurredAt)}</span>
                  <span>{s.cashierName}</span>
                  <span>{s.firstItem ?? ''}</span>
                  <strong>{money.format(s.total)}</strong>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
