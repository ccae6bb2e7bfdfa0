import { useState } from 'react';
import type { CartLine } from '../../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';

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
    <Dialog title={`Quantity — ${line.name}`} testId="quantity-dialog" onClose={onClose}>
      <input
        className="big-input"
        inputMode="numeric"
        data-testid="quantity-input"
        aria-label="Quantity"
        value={text}
        onFocus={(e) => e.target.select()}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <ErrorBanner message={error} testId="quantity-error" />
      <div className="dialog-actions">
        <button type="button" className="btn-primary" onClick={() => void submit()}>
          Set quantity <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
