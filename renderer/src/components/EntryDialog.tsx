// A till dialog that asks for one typed value: an optional lead sentence, one big input that
// Enter submits, the error in words under it, and one primary button with its Enter hint. The
// quantity, price, discount and opening-float dialogs differ only in words and in how they read
// the text, so the keyboard behaviour lives here once.
import type { ReactNode, RefObject } from 'react';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import type { Entry } from './useEntry';

interface Props {
  title: string;
  testId: string;
  lead?: ReactNode;
  entry: Entry;
  onClose: () => void;
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
  entry,
  onClose,
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
        value={entry.text}
        onFocus={input.selectOnFocus ? (e) => e.target.select() : undefined}
        onChange={(e) => entry.setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void entry.submit();
          }
        }}
      />
      <ErrorBanner message={entry.error} testId={errorTestId} />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid={action.testId}
          onClick={() => void entry.submit()}
        >
          {action.label} <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
