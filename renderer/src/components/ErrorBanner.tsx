interface Props {
  message: string | null;
  testId: string;
  onDismiss?: () => void;
}

/** An error in words, announced to screen readers, dismissable. */
export function ErrorBanner({ message, testId, onDismiss }: Props) {
  if (!message) return null;
  return (
    <div className="error-banner" role="alert" data-testid={testId}>
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="btn-ghost" onClick={onDismiss} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
