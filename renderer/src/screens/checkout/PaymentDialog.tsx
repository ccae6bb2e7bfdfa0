// F10: take payment. Type an amount and press a tender letter (or tap a tender button) to add it;
// repeat for split payments. Once paid in full the change due shows and Enter completes the sale.
import { useEffect, useRef, useState } from 'react';
import type { Receipt } from '../../../../shared/api';
import type { Result } from '../../../../shared/result';
import { settle, type Payment, type TenderType } from '../../../../shared/tender';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useMoney } from '../../state/settingsContext';
import { TENDER_KEYS, tenderForKey, tenderLabel } from './tenderKeys';

interface Props {
  total: number;
  onPay: (payments: Payment[]) => Promise<Result<Receipt>>;
  onDone: (receipt: Receipt) => void;
  onClose: () => void;
}

export function PaymentDialog({ total, onPay, onDone, onClose }: Props) {
  const money = useMoney();
  const [payments, setPayments] = useState<Payment[]>([]);
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const remaining = Math.max(0, total - paid);
  const [text, setText] = useState(money.toInput(total));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const outcome = payments.length ? settle(total, payments) : null;
  const complete = outcome?.ok === true;
  const completeButton = useRef<HTMLButtonElement>(null);

  // The amount field is disabled once paid in full; Enter then belongs to "Complete sale".
  useEffect(() => {
    if (complete) completeButton.current?.focus();
    else input.current?.focus();
  }, [complete]);

  const add = (tender: TenderType) => {
    const amount = money.parse(text || money.toInput(remaining));
    if (amount === null || amount <= 0) {
      setError('Type a positive amount, like ' + money.toInput(remaining) + '.');
      return;
    }
    const next = [...payments, { tender, amount }];
    const check = settle(total, next);
    if (!check.ok && check.reason === 'PAYMENT_INVALID') {
      setError(check.message);
      return;
    }
    setError(null);
    setPayments(next);
    setText(money.toInput(Math.max(0, total - next.reduce((s, p) => s + p.amount, 0))));
    input.current?.focus();
  };

  const finish = async () => {
    if (!complete || busy) return;
    setBusy(true);
    const r = await onPay(payments);
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(errorText(r.error));
  };

  return (
    <Dialog title="Payment" testId="payment-dialog" onClose={onClose} wide>
      <div className="pay-grid">
        <div className="pay-figures">
          <div className="pay-row">
            <span>Total</span>
            <strong data-testid="pay-total" data-minor={total}>
              {money.format(total)}
            </strong>
          </div>
          <div className="pay-row">
            <span>Paid</span>
            <strong data-testid="pay-paid">{money.format(paid)}</strong>
          </div>
          {complete ? (
            <div className="pay-row pay-change">
              <span>Change due</span>
              <strong data-testid="pay-change" data-minor={outcome.change}>
                {money.format(outcome.change)}
              </strong>
            </div>
          ) : (
            <div className="pay-row pay-due">
              <span>Still due</span>
              <strong data-testid="pay-remaining">{money.format(remaining)}</strong>
            </div>
          )}
          <ul className="pay-list" data-testid="pay-list">
            {payments.map((p, i) => (
              <li key={i}>
                <span>{tenderLabel(p.tender)}</span>
                <span>{money.format(p.amount)}</span>
                <button
                  type="button"
                  className="btn-ghost"
                  aria-label="Remove payment"
                  onClick={() => setPayments(payments.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="pay-entry">
          <label>
            Amount
            <input
              ref={input}
              className="big-input"
              inputMode="decimal"
              data-testid="pay-amount"
              value={text}
              disabled={complete}
              onFocus={(e) => e.target.select()}
              onChange={(e) => setText(e.target.value.replace(/[^\d.,-]/g, ''))}
              onKeyDown={(e) => {
                const tender = e.ctrlKey || e.altKey || e.metaKey ? null : tenderForKey(e.key);
                if (tender) {
                  e.preventDefault();
                  add(tender);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  if (complete) void finish();
                  else add('cash');
                } else if (e.key === 'Backspace' && text === '' && payments.length) {
                  setPayments(payments.slice(0, -1));
                }
              }}
            />
          </label>
          <div className="tender-buttons">
            {TENDER_KEYS.map((t) => (
              <button
                key={t.tender}
                type="button"
                className="tender"
                data-testid={`tender-${t.tender}`}
                disabled={complete}
                onClick={() => add(t.tender)}
              >
                {t.label} <kbd>{t.key.toUpperCase()}</kbd>
              </button>
            ))}
          </div>
          <p className="hint">
            Type an amount, then press a tender key. Enter takes it as cash; once paid in full,
            Enter completes the sale.
          </p>
          <ErrorBanner message={error} testId="pay-error" />
          <button
            type="button"
            className="btn-primary btn-large"
            data-testid="pay-complete"
            ref={completeButton}
            disabled={!complete || busy}
            onClick={() => void finish()}
          >
            {busy ? 'Completing…' : 'Complete sale'} <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}
