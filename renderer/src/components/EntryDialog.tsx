// A till dialog that asks for one typed value: an optional lead sentence, one big input that
// Enter submits, the error in words under it, and one primary button with its Enter hint. The
// quantity, price, discount and opening-float dialogs differ only in words and in how they read
// the text, so the keyboard behaviour lives here once.
import type { ReactNode, RefObject } from 'react';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  title: string;
  testId: string;
  lead?: ReactNode;
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  error: string | null;
  errorTestId: string;
  input: {
    testId: string;
    ariaLabel: string;
    inputMode?: 'numeric' | 'decimal';
    placeholder?: string;
    /** Select the prefilled text on focus, so typing replaces it. */
    selectOnFocus?: boolean;
    ref?: RefObject<HTMLInputElement | null>;
  };
  action: { label: string; testId?: string };
}

export function EntryDialog({
  title,
  testId,
  lead,
  value,
  onChange,
  onSubmit,
  onClose,
  error,
  errorTestId,
  input,
  action,
}: Props) {
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      {lead !== undefined && <p className="dialog-lead">{lead}</p>}
      <input
        ref={input.ref}
        className="big-input"
        inputMode={input.inputMode}
        data-testid={input.testId}
        aria-label={input.ariaLabel}
        placeholder={input.placeholder}
        value={value}
        onFocus={input.selectOnFocus ? (e) => e.target.select() : undefined}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void onSubmit();
          }
        }}
      />
      <ErrorBanner message={error} testId={errorTestId} />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid={action.testId}
          onClick={() => void onSubmit()}
        >
          {action.label} <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
