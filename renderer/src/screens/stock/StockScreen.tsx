// Stock on hand with reorder levels and days of cover; filter to what needs refilling; each
// product's history of moves behind it.
import { useCallback, useEffect, useState } from 'react';
import type { StockRow } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pager } from '../../components/Pager';
import { ProductSearchBox } from '../../components/ProductSearchBox';
import { StockActionDialog } from './StockActionDialog';
import { StockMovesDialog } from './StockMovesDialog';

const PAGE = 50;

export function StockScreen() {
  const [query, setQuery] = useState('');
  const [onlyRefill, setOnlyRefill] = useState(false);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: StockRow[]; total: number }>({ items: [], total: 0 });
  const [action, setAction] = useState<{
    row: StockRow;
    mode: 'receive' | 'adjust' | 'history';
  } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('stock-list', { query, onlyRefill, offset, limit: PAGE });
    if (r.ok) setPage(r.value);
    else setError(errorText(r.error));
  }, [query, onlyRefill, offset]);
  useEffect(() => void load(), [load]);

  return (
    <div className="page" data-testid="stock-screen">
      <h1>Stock</h1>
      <div className="form-row">
        <ProductSearchBox
          label="Search stock"
          value={query}
          onChange={(q) => {
            setQuery(q);
            setOffset(0);
          }}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyRefill}
            data-testid="stock-refill-filter"
            onChange={(e) => {
              setOnlyRefill(e.target.checked);
              setOffset(0);
            }}
          />
          Only what needs refilling
        </label>
      </div>
      <ErrorBanner message={error} testId="stock-list-error" onDismiss={() => setError(null)} />
      <table className="data-table" data-testid="stock-table">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name</th>
            <th className="num">On hand</th>
            <th className="num">Reorder at</th>
            <th className="num">Sold/day (28d)</th>
            <th className="num">Days of cover</th>
            <th>Refill</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {page.items.map((r) => (
            <tr key={r.productId} className={r.needsRefill ? 'row-warn' : undefined}>
              <td>{r.sku}</td>
              <td>{r.name}</td>
              <td className="num">{r.onHand}</td>
              <td className="num">{r.reorderLevel}</td>
              <td className="num">{r.avgDailyUnits28d.toFixed(2)}</td>
              <td className="num">{r.daysOfCover === null ? '—' : r.daysOfCover.toFixed(1)}</td>
              <td>{r.needsRefill ? 'Refill' : ''}</td>
              <td className="row-actions">
                <button type="button" onClick={() => setAction({ row: r, mode: 'receive' })}>
                  Receive
                </button>
                <button type="button" onClick={() => setAction({ row: r, mode: 'adjust' })}>
                  Adjust
                </button>
                <button
                  type="button"
                  data-testid={`stock-history-${r.sku}`}
                  onClick={() => setAction({ row: r, mode: 'history' })}
                >
                  History
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} limit={PAGE} total={page.total} onChange={setOffset} />
      {action?.mode === 'history' && (
        <StockMovesDialog row={action.row} onClose={() => setAction(null)} />
      )}
      {action && action.mode !== 'history' && (
        <StockActionDialog
          row={action.row}
          mode={action.mode}
          onDone={() => {
            setAction(null);
            void load();
          }}
          onClose={() => setAction(null)}
        />
      )}
    </div>
  );
}
