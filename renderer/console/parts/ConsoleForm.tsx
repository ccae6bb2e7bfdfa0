// The frame every console dialog form shares: the server's refusal as an alert above the fields,
// the fields, then Cancel and the submit button. One place, so each form's failure line, button
// order and busy state behave alike; the test ids stay each form's own.
import type { FormEvent, ReactNode } from 'react';

interface Props {
  onSubmit: (e: FormEvent) => Promise<void>;
  onCancel: () => void;
  /** The server's answer when it refused the form, shown as an alert. */
  failure: string | null;
  failureTestId: string;
  submitLabel: string;
  submitTestId: string;
  cancelTestId?: string;
  /** While the request is under way the submit button is disabled. */
  busy?: boolean;
  /** Two columns of fields (the wide dialogs). */
  grid?: boolean;
  children: ReactNode;
}

export function ConsoleForm({
  onSubmit,
  onCancel,
  failure,
  failureTestId,
  submitLabel,
  submitTestId,
  cancelTestId,
  busy = false,
  grid = false,
  children,
}: Props) {
  return (
    <form
      className={grid ? 'console-form form-grid' : 'console-form'}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
    >
      {failure && (
        <p className="error-banner" role="alert" data-testid={failureTestId}>
          {failure}
        </p>
      )}
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-testid={cancelTestId}>
          Cancel
        </button>
        <button type="submit" className="btn-primary" disabled={busy} data-testid={submitTestId}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
