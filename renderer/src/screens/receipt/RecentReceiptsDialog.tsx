import { useEffect, useState } from 'react';
import type { Receipt, RecentSale } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime, useMoney } from '../../state/settingsContext';
import { printReceipt } from './printReceipt';
import { ReceiptView } from './ReceiptView';

/** F5: the latest receipts on this till; open one to see or reprint it. */
export function RecentReceiptsDialog({ onClose }: { onClose: () => void }) {
  const money = useMoney();
  const when = useDateTime();
  const [recent, setRecent] = useState<RecentSale[] | null>(null);
  const [open, setOpen] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('sale-recent', { limit: 30 }).then((r) =>
      r.ok ? setRecent(r.value) : setError(errorText(r.error)),
    );
  }, []);

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
        <ul className="pick-list">
          {recent?.length === 0 && <li>No receipts yet.</li>}
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
                <strong>{money.format(s.total)}</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
