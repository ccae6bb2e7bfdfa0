import { useState } from 'react';
import type { CartLine } from '../../../../shared/api';
import { EntryDialog } from '../../components/EntryDialog';

interface Props {
  line: CartLine;
  onApply: (quantity: number) => Promise<string | null>;
  onClose: () => void;
}

/** F2: set the selected line's quantity. */
export function QuantityDialog({ line, onApply, onClose }: Props) {
  const [text, setText] = useState(String(line.quantity));
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const q = Number(text.trim());
    if (!/^\d{1,6}$/.test(text.trim()) || q < 1 || q > 100_000) {
      setError('Type a whole number from 1 to 100000.');
      return;
    }
    const failure = await onApply(q);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <EntryDialog
      title={`Quantity — ${line.name}`}
      testId="quantity-dialog"
      value={text}
      onChange={setText}
      onSubmit={submit}
      onClose={onClose}
      error={error}
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
