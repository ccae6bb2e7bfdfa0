import { useRef } from 'react';
import type { CartLine } from '../../../../shared/api';
import { EntryDialog } from '../../components/EntryDialog';
import { useEntry } from '../../components/useEntry';
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
  const input = useRef<HTMLInputElement>(null);
  const entry = useEntry<number>({
    initial: money.toInput(line.unitPrice),
    read: (text) => {
      const price = money.parse(text);
      return price === null || price < 0
        ? { ok: false, message: `Type a price such as ${money.toInput(line.catalogPrice)}.` }
        : { ok: true, value: price };
    },
    apply: onApply,
    done: onClose,
    // The owner-approval dialog may have held the focus: give the keyboard back to this one.
    onRefused: () => input.current?.focus(),
  });

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
      entry={entry}
      onClose={onClose}
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
