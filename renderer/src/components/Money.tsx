// An amount of money on screen. One element for all of them so an amount never wraps or splits
// ("₹1,03,947." over "00"), its digits line up in columns, and layout tests can find every one by
// its data-money attribute. The text comes from the one formatter (shared/money.ts formatMoney),
// so negatives carry the same minus sign everywhere.
import type { Minor } from '../../../shared/money';
import { useMoney } from '../state/settingsContext';

interface Props {
  amount: Minor;
  className?: string;
}

export function Money({ amount, className }: Props) {
  const money = useMoney();
  return (
    <span className={className ? `money ${className}` : 'money'} data-money={amount}>
      {money.format(amount)}
    </span>
  );
}
