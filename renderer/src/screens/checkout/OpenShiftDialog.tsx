import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { EntryDialog } from '../../components/EntryDialog';
import { useEntry } from '../../components/useEntry';
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
  const entry = useEntry<number>({
    initial: '',
    read: (text) => {
      const openingFloat = money.parse(text || '0');
      return openingFloat === null || openingFloat < 0
        ? { ok: false, message: `Type the cash in the drawer, like ${money.toInput(200000)}.` }
        : { ok: true, value: openingFloat };
    },
    apply: async (openingFloat) => {
      const r = await call('shift-open', { openingFloat });
      return r.ok ? null : errorText(r.error);
    },
    done: onOpened,
  });

  return (
    <EntryDialog
      title="Open shift"
      testId="open-shift-dialog"
      lead="Count the cash in the drawer (the float) and type it."
      entry={entry}
      onClose={onClose}
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
