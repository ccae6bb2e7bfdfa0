// "Are you sure?" for the console's destructive or far-reaching actions (revoke, re-issue, retry,
// disable), built on the till UI's dialog (Esc closes, focus starts inside).
import type { ReactNode } from 'react';
import { Dialog } from '../../src/components/Dialog';

interface Props {
  title: string;
  testId: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function ConfirmDialog(p: Props) {
  return (
    <Dialog title={p.title} testId={p.testId} onClose={p.onCancel}>
      <div className="dialog-lead">{p.children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={p.onCancel} data-testid={`${p.testId}-cancel`}>
          Cancel
        </button>
        <button
          type="button"
          className={p.danger ? 'btn-danger' : 'btn-primary'}
          disabled={p.busy}
          data-autofocus
          data-testid={`${p.testId}-confirm`}
          onClick={p.onConfirm}
        >
          {p.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
