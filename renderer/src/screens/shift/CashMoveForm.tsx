import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useMoney } from '../../state/settingsContext';

/** Cash put into or taken out of the drawer during the shift (change float top-up, bank drop). */
export function CashMoveForm({ onDone }: { onDone: (message: string) => void }) {
  const money = useMoney();
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = money.parse(text);
    if (amount === null || amount <= 0) return setError('Type a positive amount.');
    if (!reason.trim()) return setError('Say why the cash moved, e.g. "bank drop".');
    const r = await call('shift-cash-move', {
      amount: direction === 'in' ? amount : -amount,
      reason,
    });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setText('');
    setReason('');
    onDone(`Cash ${direction === 'in' ? 'in' : 'out'}: ${money.format(amount)} recorded.`);
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="cash-move-form">
      <h2>Cash in / out</h2>
      <div className="form-row">
        <select
          value={direction}
          aria-label="Direction"
          data-testid="cash-move-direction"
          onChange={(e) => setDirection(e.target.value as 'in' | 'out')}
        >
          <option value="in">Cash in</option>
          <option value="out">Cash out</option>
        </select>
        <input
          inputMode="decimal"
          placeholder="Amount"
          aria-label="Amount"
          data-testid="cash-move-amount"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          placeholder="Reason"
          aria-label="Reason"
          data-testid="cash-move-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" data-testid="cash-move-submit">
          Record
        </button>
      </div>
      <ErrorBanner message={error} testId="cash-move-error" />
    </form>
  );
}
