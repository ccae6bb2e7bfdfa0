import { useState } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useMoney } from '../../state/settingsContext';

/** Opens a shift with the cash float counted into the drawer. */
export function OpenShiftDialog({
  onOpened,
  onClose,
}: {
  onOpened: () => void;
  onClose: () => void;
}) {
  const money = useMoney();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const openingFloat = money.parse(text || '0');
    if (openingFloat === null || openingFloat < 0) {
      setError(`Type the cash in the drawer, like ${money.toInput(200000)}.`);
      return;
    }
    const r = await call('shift-open', { openingFloat });
    if (!r.ok) setError(errorText(r.error));
    else onOpened();
  };

  return (
    <Dialog title="Open shift" testId="open-shift-dialog" onClose={onClose}>
      <p className="dialog-lead">Count the cash in the drawer (the float) and type it.</p>
      <input
        className="big-input"
        inputMode="decimal"
        data-testid="float-input"
        aria-label="Opening float"
        placeholder={money.toInput(0)}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <ErrorBanner message={error} testId="open-shift-error" />
      <div className="dialog-actions">
        <button
          type="button"
          className="btn-primary"
          data-testid="open-shift-submit"
          onClick={() => void submit()}
        >
          Open shift <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
