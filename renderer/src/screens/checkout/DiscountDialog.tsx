import type { Discount } from '../../../../shared/pricing';
import { EntryDialog } from '../../components/EntryDialog';
import { useEntry } from '../../components/useEntry';
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
  const entry = useEntry<Discount | null>({
    initial: discountToInput(current, money.toInput),
    read: (text) => {
      const parsed = parseDiscountInput(text, money.currency);
      return parsed.ok ? { ok: true, value: parsed.discount } : parsed;
    },
    apply: onApply,
    done: onClose,
  });

  return (
    <EntryDialog
      title={title}
      testId={testId}
      lead={
        <>
          On {money.format(base)}. Type a percentage (10%) or an amount ({money.toInput(500)}).
          Leave empty to remove.
        </>
      }
      entry={entry}
      onClose={onClose}
      errorTestId="discount-error"
      input={{ testId: 'discount-input', ariaLabel: 'Discount', selectOnFocus: true }}
      action={{ label: 'Apply discount' }}
    />
  );
}
