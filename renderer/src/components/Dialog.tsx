// A modal dialog: Esc closes it, keys pressed inside never reach the checkout's global shortcuts
// (those check for an open dialog), and the first field takes the focus. Focus follows the till's
// one focus model (focus/focusModel.ts): back to where it came from when the dialog closes, and
// back into the dialog when its content changes under the focused control.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { currentFocus, focusFirstIn, focusIsLost, restoreFocus } from '../focus/focusModel';

interface Props {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, testId, onClose, children, wide }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  // Read during the first render, before any child effect moves the focus into the dialog.
  const [opener] = useState(currentFocus);

  useEffect(() => {
    const root = panel.current;
    // A child (the PIN pad) may already have taken the focus; otherwise the first field takes it.
    if (!root) return;
    if (!root.contains(document.activeElement)) focusFirstIn(root);
    // Content that arrives later (a list loading) takes the focus the panel was only holding.
    const arrivals = new MutationObserver(() => {
      if (document.activeElement === root || focusIsLost()) focusFirstIn(root);
    });
    arrivals.observe(root, { childList: true, subtree: true });
    return () => {
      arrivals.disconnect();
      restoreFocus(opener);
    };
  }, [opener]);

  // Content replaced under the focus (a list item that opened a receipt, a disabled button) leaves
  // the focus on the page: bring it back into the dialog so Esc and Enter keep working.
  const onBlur = () =>
    window.setTimeout(() => {
      const root = panel.current;
      if (root?.isConnected && focusIsLost()) focusFirstIn(root);
    }, 0);

  return (
    <div className="dialog-backdrop" data-dialog-open="true">
      <div
        ref={panel}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        tabIndex={-1}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="btn-ghost" onClick={onClose} aria-label="Close">
            Esc ✕
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** True while any dialog is open, so global shortcuts stand down. */
export const isDialogOpen = (): boolean => document.querySelector('[data-dialog-open]') !== null;
