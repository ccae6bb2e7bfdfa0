import { useRef, useState } from 'react';
import type { CartLine } from '../../../../shared/api';
import { EntryDialog } from '../../components/EntryDialog';
import { useMoney } from '../../state/settingsContext';

interface Props {
  line: CartLine;
  /** Resolves with an error sentence, or null once the price is set (owner PIN asked on the way). */
  onApply: (unitPrice: number) => Promise<string | null>;
  onClose: () => void;
}

/**
 * F1: a new unit price for the selected line. Cutting it beyond the discount limit, or raising
 * it, needs the owner's PIN (the core says so and the owner-approval dialog asks).
 */
export function PriceDialog({ line, onApply, onClose }: Props) {
  const money = useMoney();
  const [text, setText] = useState(money.toInput(line.unitPrice));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const price = money.parse(text);
    if (price === null || price < 0) {
      setError(`Type a price such as ${money.toInput(line.catalogPrice)}.`);
      return;
    }
    const failure = await onApply(price);
    if (failure) {
      setError(failure);
      // The owner-approval dialog may have held the focus: give the keyboard back to this one.
      input.current?.focus();
    } else onClose();
  };

  return (
    <EntryDialog
      title={`Price — ${line.name}`}
      testId="price-dialog"
      lead={
        <>
          Catalog price {money.format(line.catalogPrice)}. Type the new unit price; the catalog is
          not changed.
        </>
      }
      value={text}
      onChange={setText}
      onSubmit={submit}
      onClose={onClose}
      error={error}
      errorTestId="price-error"
      input={{
        testId: 'price-input',
        ariaLabel: 'Unit price',
        inputMode: 'decimal',
        selectOnFocus: true,
        ref: input,
      }}
      action={{ label: 'Set price', testId: 'price-apply' }}
    />
  );
}
