import type { CartLine } from '../../../../shared/api';
import { EntryDialog } from '../../components/EntryDialog';
import { useEntry } from '../../components/useEntry';

interface Props {
  line: CartLine;
  onApply: (quantity: number) => Promise<string | null>;
  onClose: () => void;
}

/** F2: set the selected line's quantity. */
export function QuantityDialog({ line, onApply, onClose }: Props) {
  const entry = useEntry<number>({
    initial: String(line.quantity),
    read: (text) => {
      const q = Number(text.trim());
      return !/^\d{1,6}$/.test(text.trim()) || q < 1 || q > 100_000
        ? { ok: false, message: 'Type a whole number from 1 to 100000.' }
        : { ok: true, value: q };
    },
    apply: onApply,
    done: onClose,
  });

  return (
    <EntryDialog
      title={`Quantity — ${line.name}`}
      testId="quantity-dialog"
      entry={entry}
      onClose={onClose}
      errorTestId="quantity-error"
      input={{
        testId: 'quantity-input',
        ariaLabel: 'Quantity',
        inputMode: 'numeric',
        selectOnFocus: true,
      }}
      action={{ label: 'Set quantity' }}
    />
  );
}
