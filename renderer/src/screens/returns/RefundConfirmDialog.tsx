// The one confirmation before money leaves the till: the refund's amount and how it is paid.
// Enter in the return form (the Reason field included) only brings this up; Enter here refunds.
import type { Payment } from '../../../../shared/tender';
import { Dialog } from '../../components/Dialog';
import { useMoney } from '../../state/settingsContext';
import { tenderLabel } from '../checkout/tenderKeys';

interface Props {
  total: number;
  payments: readonly Payment[];
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function RefundConfirmDialog({ total, payments, busy, onConfirm, onClose }: Props) {
  const money = useMoney();
  return (
    <Dialog title="Refund now?" testId="refund-confirm" onClose={onClose}>
      <p className="dialog-lead">
        Refund{' '}
        <strong className="num" data-testid="refund-confirm-total" data-minor={total}>
          {money.format(total)}
        </strong>
      </p>
      <ul className="refund-confirm-tenders">
        {payments.map((p, i) => (
          <li key={i} data-testid={`refund-confirm-${p.tender}`} data-minor={p.amount}>
            {tenderLabel(p.tender)}: <span className="num">{money.format(p.amount)}</span>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid="refund-confirm-ok"
          data-autofocus
          disabled={busy}
          onClick={onConfirm}
        >
          Refund {money.format(total)} <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn-ghost" onClick={onClose}>
          Back <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
