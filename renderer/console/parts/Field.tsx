// One labelled form field with its validation message tied to it (aria-describedby), so the
// message is read out with the field and a test can find it by `<testId>-error`.
import type { ReactNode } from 'react';

interface Props {
  label: string;
  testId: string;
  error?: string | undefined;
  hint?: string;
  children: (a11y: {
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
    'data-testid': string;
  }) => ReactNode;
}

export function Field({ label, testId, error, hint, children }: Props) {
  const errorId = `${testId}-error`;
  return (
    <label className="console-field">
      <span>{label}</span>
      {children({
        'aria-invalid': Boolean(error),
        'aria-describedby': error ? errorId : undefined,
        'data-testid': testId,
      })}
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="hint hint-warn" id={errorId} data-testid={errorId}>
          {error}
        </span>
      )}
    </label>
  );
}
