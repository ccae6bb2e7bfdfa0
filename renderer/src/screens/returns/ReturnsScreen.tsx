// Returns against a receipt: look it up (type or scan the receipt number), choose quantities per
// line, whether the goods go back on the shelf, and how the refund is paid.
import { useState, type FormEvent } from 'react';
import type { Receipt } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { refundTotal } from '../../format/returnRefund';
import { useMoney } from '../../state/settingsContext';
import { ReceiptDialog } from '../receipt/ReceiptDialog';
import { RefundTenders, refundPayments, type TenderRow } from './RefundTenders';
import { ReturnLinesTable } from './ReturnLinesTable';

export function ReturnsScreen() {
  const money = useMoney();
  const [receiptNo, setReceiptNo] = useState('');
  const [sale, setSale] = useState<Receipt | null>(null);
  const [quantities, setQuantities] = useState<Map<number, string>>(new Map());
  const [restock, setRestock] = useState(true);
  const [reason, setReason] = useState('');
  const [tenders, setTenders] = useState<TenderRow[]>([{ tender: 'cash', text: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Receipt | null>(null);
  const [busy, setBusy] = useState(false);

  const numeric = new Map([...quantities].map(([k, v]) => [k, Number(v || '0')]));
  const total = sale ? refundTotal(sale.lines, numeric) : 0;

  const lookup = async (e?: FormEvent) => {
    e?.preventDefault();
    const no = receiptNo.trim();
    if (!no) return setError('Type or scan the receipt number.');
    const r = await call('sale-receipt', { receiptNo: no });
    if (!r.ok) return setError(errorText(r.error));
    if (r.value.kind !== 'sale')
      return setError('That is a refund receipt. Scan the receipt of the original sale.');
    setSale(r.value);
    setQuantities(new Map());
    setTenders([{ tender: r.value.payments[0]?.tender ?? 'cash', text: '' }]);
    setError(null);
  };

  const submit = async () => {
    if (!sale || busy) return;
    const lines = [...numeric]
      .filter(([, q]) => q > 0)
      .map(([originalLineNo, quantity]) => ({ originalLineNo, quantity }));
    if (lines.length === 0) return setError('Type how many of which item to return.');
    const pay = refundPayments(tenders, total, money.parse);
    if (!pay.ok) return setError(pay.message);
    setBusy(true);
    const r = await call('return-create', {
      originalEventId: sale.eventId,
      lines,
      refunds: pay.payments,
      restock,
      reason,
    });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setDone(r.value);
    const again = await call('sale-receipt', { eventId: sale.eventId });
    if (again.ok) setSale(again.value);
    setQuantities(new Map());
  };

  return (
    <div className="page" data-testid="returns-screen">
      <h1>Returns</h1>
      <form className="form-row lookup-row" onSubmit={(e) => void lookup(e)}>
        <input
          autoFocus
          className="big-input"
          aria-label="Receipt number"
          placeholder="Scan or type the receipt number"
          data-testid="return-receipt-input"
          value={receiptNo}
          onChange={(e) => setReceiptNo(e.target.value)}
        />
        <button type="submit" className="btn-primary" data-testid="return-lookup">
          Find sale <kbd>Enter</kbd>
        </button>
      </form>
      <ErrorBanner message={error} testId="return-error" onDismiss={() => setError(null)} />
      {sale && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2>
            Sale {sale.receiptNo} · {money.format(sale.totals.total)}
          </h2>
          <ReturnLinesTable
            receipt={sale}
            quantities={quantities}
            onChange={(no, t) => setQuantities(new Map(quantities).set(no, t))}
          />
          <div className="form-row">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={restock}
                data-testid="return-restock"
                onChange={(e) => setRestock(e.target.checked)}
              />
              Put the items back in stock
            </label>
            <label>
              Reason
              <input
                value={reason}
                maxLength={200}
                data-testid="return-reason"
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
          </div>
          <h3>
            Refund{' '}
            <span data-testid="return-total" data-minor={total}>
              {money.format(total)}
            </span>
          </h3>
          <RefundTenders rows={tenders} total={total} onChange={setTenders} />
          <button
            type="submit"
            className="btn-primary btn-large"
            data-testid="return-submit"
            disabled={busy}
            onClick={() => void submit()}
          >
            Refund {money.format(total)}
          </button>
        </form>
      )}
      {done && <ReceiptDialog receipt={done} onClose={() => setDone(null)} />}
    </div>
  );
}
