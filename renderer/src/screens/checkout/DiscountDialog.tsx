import { useState } from 'react';
import type { Discount } from '../../../../shared/pricing';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { discountToInput, parseDiscountInput } from '../../format/discountInput';
import { useMoney } from '../../state/settingsContext';

interface Props {
  title: string;
  testId: string;
  current: Discount | null;
  /** The amount the discount applies to, shown so the cashier can check a percentage. */
  base: number;
  onApply: (d: Discount | null) => Promise<string | null>;
  onClose: () => void;
}

/** F3 / F4: a line or sale discount, typed as "10%" or an amount; empty removes it. */
export function DiscountDialog({ title, testId, current, base, onApply, onClose }: Props) {
  const money = useMoney();
  const [text, setText] = useState(discountToInput(current, money.toInput));
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const parsed = parseDiscountInput(text, money.currency);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const failure = await onApply(parsed.discount);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <p className="dialog-lead">
        On {money.format(base)}. Type a percentage (10%) or an amount ({money.toInput(500)}). Leave
        empty to remove.
      </p>
      <input
        className="big-input"
        data-testid="discount-input"
        aria-label="Discount"
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
      <ErrorBanner message={error} testId="discount-error" />
      <div className="dialog-actions">
        <button type="button" className="btn-primary" onClick={() => void submit()}>
          Apply discount <kbd>Enter</kbd>
        </button>
      </div>
    </Dialog>
  );
}
