import { useState } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { EntryDialog } from '../../components/EntryDialog';
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
    <EntryDialog
      title="Open shift"
      testId="open-shift-dialog"
      lead="Count the cash in the drawer (the float) and type it."
      value={text}
      onChange={setText}
      onSubmit={submit}
      onClose={onClose}
      error={error}
      errorTestId="open-shift-error"
      input={{
        testId: 'float-input',
        ariaLabel: 'Opening float',
        inputMode: 'decimal',
        placeholder: money.toInput(0),
      }}
      action={{ label: 'Open shift', testId: 'open-shift-submit' }}
    />
  );
}
