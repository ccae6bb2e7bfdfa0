// A product's stock ledger, newest first: what moved its on-hand figure, when (the shop's clock),
// why and by whom. Stock on hand is the sum of these moves, so this is where an owner checks a
// count that looks wrong before adjusting it.
import { useEffect, useState } from 'react';
import type { StockMoveRow, StockRow } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDateTime } from '../../state/settingsContext';

const LIMIT = 100;

const REASON_WORDS: Record<string, string> = {
  sale: 'Sale',
  return: 'Return',
  receipt: 'Received',
  adjustment: 'Adjusted',
  opening: 'Opening stock',
  count: 'Counted',
};

export function StockMovesDialog({ row, onClose }: { row: StockRow; onClose: () => void }) {
  const [moves, setMoves] = useState<StockMoveRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = useDateTime();

  useEffect(() => {
    void call('stock-moves', { productId: row.productId, limit: LIMIT }).then((r) => {
      if (r.ok) setMoves(r.value);
      else setError(errorText(r.error));
    });
  }, [row.productId]);

  return (
    <Dialog
      title={`Stock history — ${row.name}`}
      testId="stock-moves-dialog"
      onClose={onClose}
      wide
    >
      <div className="dialog-body">
        <p>
          {row.sku} · on hand now <strong>{row.onHand}</strong>
          {moves && moves.length === LIMIT && ` · the latest ${LIMIT} moves`}
        </p>
        <ErrorBanner message={error} testId="stock-moves-error" />
        {moves === null && !error && <p className="loading">Loading…</p>}
        {moves && moves.length === 0 && <p data-testid="stock-moves-empty">No moves yet.</p>}
        {moves && moves.length > 0 && (
          <table className="data-table" data-testid="stock-moves-table">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th className="num">Units</th>
                <th>Note</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {moves.map((m) => (
                <tr key={m.id} data-testid={`stock-move-${m.reason}`}>
                  <td>{when(m.occurredAt)}</td>
                  <td>{REASON_WORDS[m.reason] ?? m.reason}</td>
                  <td className="num">{m.quantity > 0 ? `+${m.quantity}` : m.quantity}</td>
                  <td>{m.note}</td>
                  <td>{m.userName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} data-testid="stock-moves-close">
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
