// "Void this sale": asks for a reason and shows what is being voided before anything happens.
// Above the store's void limit the core asks for the owner's PIN (the client's owner-approval
// dialog), and the void then reaches the Z report and HQ as an event.
import { useState } from 'react';
import type { Cart } from '../../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useMoney, useSettings } from '../../state/settingsContext';

interface Props {
  cart: Cart;
  /** Voids with the reason; an error sentence, or null once voided. */
  onVoid: (reason: string) => Promise<string | null>;
  onClose: () => void;
}

export function VoidSaleDialog({ cart, onVoid, onClose }: Props) {
  const money = useMoney();
  const settings = useSettings();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = cart.totals.total;
  const needsOwner = total > settings.voidApprovalLimit;

  const submit = async () => {
    if (busy) return;
    if (reason.trim() === '') return setError('Type why this sale is voided.');
    setBusy(true);
    const failure = await onVoid(reason.trim());
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog title="Void this sale?" testId="void-dialog" onClose={onClose}>
      <p className="dialog-lead" data-testid="void-summary">
        {cart.lines.length} line{cart.lines.length === 1 ? '' : 's'} ·{' '}
        <span className="num" data-minor={total}>
          {money.format(total)}
        </span>
      </p>
      {needsOwner && (
        <p data-testid="void-needs-owner">
          Above the void limit of {money.format(settings.voidApprovalLimit)}: the owner approves
          with their PIN.
        </p>
      )}
      <label>
        Reason
        <input
          data-autofocus
          className="big-input"
          data-testid="void-reason"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      <ErrorBanner message={error} testId="void-error" />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid="void-confirm"
          disabled={busy}
          onClick={() => void submit()}
        >
          Void sale <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn-ghost" onClick={onClose}>
          Keep the sale <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
