import { useState } from 'react';
import type { Receipt } from '../../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { useMoney } from '../../state/settingsContext';
import { printReceipt } from './printReceipt';
import { ReceiptView } from './ReceiptView';

interface Props {
  receipt: Receipt;
  /** Shown big after a sale so the cashier hands back the right change. */
  showChange?: boolean;
  onClose: () => void;
}

/** The receipt after a sale or a return: P prints, Enter or Esc starts the next sale. */
export function ReceiptDialog({ receipt, showChange, onClose }: Props) {
  const money = useMoney();
  const [note, setNote] = useState<string | null>(null);
  const print = async () => setNote(await printReceipt(receipt.eventId));

  return (
    <Dialog
      title={receipt.kind === 'return' ? 'Refund done' : 'Sale complete'}
      testId="receipt-dialog"
      onClose={onClose}
    >
      {showChange && (
        <p className="change-banner" data-testid="change-due">
          Change due <strong>{money.format(receipt.change)}</strong>
        </p>
      )}
      <ReceiptView receipt={receipt} />
      {note && <p className="info-note">{note}</p>}
      <div
        className="dialog-actions"
        onKeyDown={(e) => {
          if (e.key.toLowerCase() === 'p') {
            e.preventDefault();
            void print();
          }
        }}
      >
        <button type="button" data-testid="receipt-print" onClick={() => void print()}>
          Print <kbd>P</kbd>
        </button>
        <button
          type="button"
          className="btn-primary"
          data-testid="receipt-done"
          data-autofocus
          onClick={onClose}
        >
          Next sale <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
