// Returns against a receipt: look it up (type or scan the receipt number), choose quantities per
// line, whether the goods go back on the shelf, and how the refund is paid: by default the sale's
// own tenders, pro rata (refundTenderDefaults.ts), which the owner may change. Nothing is refunded
// until one confirmation that shows the amount and the tenders; then the form is fresh for the next
// return.
import { useRef, useState, type FormEvent } from 'react';
import type { Receipt } from '../../../../shared/api';
import type { Payment } from '../../../../shared/tender';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { proRataRefund } from '../../format/refundTenderDefaults';
import { refundTotal } from '../../format/returnRefund';
import { useMoney } from '../../state/settingsContext';
import { tenderLabel } from '../checkout/tenderKeys';
import { ReceiptDialog } from '../receipt/ReceiptDialog';
import { RefundConfirmDialog } from './RefundConfirmDialog';
import { RefundTenders, refundPayments, type TenderRow } from './RefundTenders';
import { ReturnLinesTable } from './ReturnLinesTable';

export function ReturnsScreen() {
  const money = useMoney();
  const [receiptNo, setReceiptNo] = useState('');
  const [sale, setSale] = useState<Receipt | null>(null);
  const [quantities, setQuantities] = useState<Map<number, string>>(new Map());
  const [restock, setRestock] = useState(true);
  const [reason, setReason] = useState('');
  /** Tender rows the cashier or owner edited; null = the sale's tenders, pro rata. */
  const [edited, setEdited] = useState<TenderRow[] | null>(null);
  const [confirming, setConfirming] = useState<Payment[] | null>(null);
  const receiptInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Receipt | null>(null);
  const [busy, setBusy] = useState(false);

  const numeric = new Map([...quantities].map(([k, v]) => [k, Number(v || '0')]));
  const total = sale ? refundTotal(sale.lines, numeric) : 0;
  const tenders: TenderRow[] =
    edited ??
    proRataRefund(sale?.payments ?? [], sale?.change ?? 0, total).map((r): TenderRow => ({
      tender: r.tender,
      text: money.toInput(r.amount),
    }));

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
    setEdited(null);
    setError(null);
  };

  const lines = [...numeric]
    .filter(([, q]) => q > 0)
    .map(([originalLineNo, quantity]) => ({ originalLineNo, quantity }));

  /** Enter or the button: check the form, then ask for the one confirmation. */
  const review = () => {
    if (!sale || busy) return;
    if (lines.length === 0) return setError('Type how many of which item to return.');
    const pay = refundPayments(tenders, total, money.parse);
    if (!pay.ok) return setError(pay.message);
    setError(null);
    setConfirming(pay.payments);
  };

  /** A fresh form for the next return, the receipt field ready for the next scan. */
  const reset = () => {
    setSale(null);
    setReceiptNo('');
    setQuantities(new Map());
    setRestock(true);
    setReason('');
    setEdited(null);
    setConfirming(null);
    window.setTimeout(() => receiptInput.current?.focus(), 0);
  };

  const submit = async (payments: Payment[]) => {
    if (!sale || busy) return;
    const lines = [...numeric]
      .filter(([, q]) => q > 0)
      .map(([originalLineNo, quantity]) => ({ originalLineNo, quantity }));
    setBusy(true);
    const r = await call('return-create', {
      originalEventId: sale.eventId,
      lines,
      refunds: payments,
      restock,
      reason,
    });
    setBusy(false);
    if (!r.ok) {
      setConfirming(null);
      return setError(errorText(r.error));
    }
    setError(null);
    reset();
    setDone(r.value);
  };

  return (
    <div className="page" data-testid="returns-screen">
      <h1>Returns</h1>
      <form className="form-row lookup-row" onSubmit={(e) => void lookup(e)}>
        <input
          autoFocus
          ref={receiptInput}
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
            review();
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
          <p className="info-note" data-testid="refund-tender-note">
            {edited
              ? 'Refund tenders as chosen.'
              : `Refunded as the sale was paid: ${sale.payments
                  .map((p) => tenderLabel(p.tender).toLowerCase())
                  .filter((t, i, all) => all.indexOf(t) === i)
                  .join(' + ')}, pro rata.`}
          </p>
          <RefundTenders rows={tenders} total={total} onChange={setEdited} />
          <button
            type="submit"
            className="btn-primary btn-large"
            data-testid="return-submit"
            disabled={busy}
          >
            Refund {money.format(total)} <kbd>Enter</kbd>
          </button>
        </form>
      )}
      {confirming && (
        <RefundConfirmDialog
          total={total}
          payments={confirming}
          busy={busy}
          onConfirm={() => void submit(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
      {done && <ReceiptDialog receipt={done} onClose={() => setDone(null)} />}
    </div>
  );
}
