// A receipt as the customer gets it. The `print-area` class is what the print stylesheet keeps.
import type { Receipt } from '../../../../shared/api';
import { useDateTime, useMoney } from '../../state/settingsContext';
import { tenderLabel } from '../checkout/tenderKeys';

export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const money = useMoney();
  const when = useDateTime();
  const isReturn = receipt.kind === 'return';
  // A return's figures are stored negative; the refund slip shows them as plain amounts.
  const show = (amount: number) => money.format(isReturn ? Math.abs(amount) : amount);
  const t = receipt.totals;
  return (
    <article className="receipt print-area" data-testid="receipt">
      <header className="receipt-head">
        <h3>{receipt.storeName}</h3>
        {receipt.receiptHeader && <p className="receipt-header-text">{receipt.receiptHeader}</p>}
        <p>
          {isReturn ? 'REFUND' : 'Receipt'}{' '}
          <strong data-testid="receipt-no">{receipt.receiptNo}</strong>
        </p>
        {receipt.originalReceiptNo && <p>For sale {receipt.originalReceiptNo}</p>}
        <p>
          {when(receipt.occurredAt)} · {receipt.cashierName}
        </p>
      </header>
      <table className="receipt-lines">
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={l.lineNo} data-testid={`receipt-line-${l.lineNo}`}>
              <td>
                <div>{l.name}</div>
                <div className="receipt-sub">
                  {Math.abs(l.quantity)} × {money.format(l.unitPrice)}
                  {l.discount !== 0 && ` · discount ${money.format(-Math.abs(l.discount))}`}
                </div>
              </td>
              <td className="num">{show(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt-totals">
        <dt>Subtotal</dt>
        <dd data-testid="receipt-gross" data-minor={t.gross}>
          {show(t.gross)}
        </dd>
        {t.discount !== 0 && (
          <>
            <dt>Discount</dt>
            <dd data-testid="receipt-discount" data-minor={t.discount}>
              {money.format(-Math.abs(t.discount))}
            </dd>
          </>
        )}
        <dt>{receipt.taxMode === 'inclusive' ? 'Tax included' : 'Tax'}</dt>
        <dd data-testid="receipt-tax" data-minor={t.tax}>
          {show(t.tax)}
        </dd>
        <dt className="receipt-total">{isReturn ? 'Refunded' : 'Total'}</dt>
        <dd className="receipt-total" data-testid="receipt-total" data-minor={t.total}>
          {show(t.total)}
        </dd>
        {receipt.payments.map((p, i) => (
          <div
            key={i}
            className="receipt-pay"
            data-testid={`receipt-payment-${p.tender}`}
            data-minor={p.amount}
          >
            <dt>{tenderLabel(p.tender)}</dt>
            <dd>{show(p.amount)}</dd>
          </div>
        ))}
        {!isReturn && (
          <>
            <dt className="receipt-total">Change</dt>
            <dd className="receipt-total" data-testid="receipt-change" data-minor={receipt.change}>
              {money.format(receipt.change)}
            </dd>
          </>
        )}
      </dl>
      <p className="receipt-foot">Thank you!</p>
    </article>
  );
}
