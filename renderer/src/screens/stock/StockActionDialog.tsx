// Receive stock for a product, or adjust it with a reason (count correction, damage, theft).
import { useState, type FormEvent } from 'react';
import type { StockRow } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useMoney } from '../../state/settingsContext';

interface Props {
  row: StockRow;
  mode: 'receive' | 'adjust';
  onDone: () => void;
  onClose: () => void;
}

export function StockActionDialog({ row, mode, onDone, onClose }: Props) {
  const money = useMoney();
  const [qty, setQty] = useState('');
  const [cost, setCost] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(qty.trim());
    if (!/^-?\d{1,6}$/.test(qty.trim()) || n === 0)
      return setError('Type a whole number of units other than zero.');
    if (mode === 'receive') {
      if (n < 0)
        return setError('Received quantity must be positive; use Adjust to take stock off.');
      const unitCost = cost.trim() ? money.parse(cost) : null;
      if (cost.trim() && (unitCost === null || unitCost < 0))
        return setError('Type the unit cost as a number, or leave it empty.');
      const r = await call('stock-receive', {
        items: [{ productId: row.productId, quantity: n, unitCost }],
        note: text,
      });
      if (!r.ok) return setError(errorText(r.error));
    } else {
      if (!text.trim()) return setError('Give a reason for the adjustment.');
      const r = await call('stock-adjust', { productId: row.productId, delta: n, reason: text });
      if (!r.ok) return setError(errorText(r.error));
    }
    onDone();
  };

  return (
    <Dialog
      title={`${mode === 'receive' ? 'Receive' : 'Adjust'} — ${row.name}`}
      testId={`stock-${mode}-dialog`}
      onClose={onClose}
    >
      <p className="dialog-lead">On hand now: {row.onHand}</p>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <label>
          {mode === 'receive' ? 'Units received' : 'Change in units (e.g. -2)'}
          <input
            inputMode="numeric"
            value={qty}
            data-testid="stock-qty"
            onChange={(e) => setQty(e.target.value)}
          />
        </label>
        {mode === 'receive' && (
          <label>
            Unit cost (optional)
            <input inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} />
          </label>
        )}
        <label>
          {mode === 'receive' ? 'Note (supplier, invoice)' : 'Reason'}
          <input
            value={text}
            maxLength={200}
            data-testid="stock-text"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <ErrorBanner message={error} testId="stock-error" />
        <div className="dialog-actions">
          <button type="submit" className="btn-primary" data-testid="stock-save">
            {mode === 'receive' ? 'Receive' : 'Adjust'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
