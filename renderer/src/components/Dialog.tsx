// A modal dialog: Esc closes it, keys pressed inside never reach the checkout's global shortcuts
// (those check for an open dialog), and the first field takes the focus.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, testId, onClose, children, wide }: Props) {
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = panel.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>(
        '.dialog-body :is(input, select, textarea, button):not(:disabled)',
      );
    first?.focus();
  }, []);

  return (
    <div className="dialog-backdrop" data-dialog-open="true">
      <div
        ref={panel}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
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
