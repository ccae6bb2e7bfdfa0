// Owner: the store's settings. Name, receipt header and the two approval limits can change; tax
// mode, locale, currency and time zone are shown but fixed, since recorded sales, receipts and
// daily totals are kept in them.
import { useEffect, useState, type FormEvent } from 'react';
import type { StoreSettings } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LabelledInput } from '../../components/LabelledInput';
import { useMoney } from '../../state/settingsContext';
import { formTextOf, settingsUpdateOf, type SettingsFormText } from './settingsForm';

export function SettingsScreen({ onSaved }: { onSaved: (s: StoreSettings) => void }) {
  const money = useMoney();
  const [current, setCurrent] = useState<StoreSettings | null>(null);
  const [form, setForm] = useState<SettingsFormText | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('settings-get', {}).then((r) => {
      if (r.ok) {
        setCurrent(r.value);
        setForm(formTextOf(r.value, money.toInput));
      } else setError(errorText(r.error));
    });
  }, [money.toInput]);

  if (!current || !form)
    return (
      <div className="page" data-testid="settings-screen">
        <h1>Settings</h1>
        <ErrorBanner message={error} testId="settings-error" />
      </div>
    );

  const set = (key: keyof SettingsFormText, value: string) => {
    setSaved(false);
    setForm({ ...form, [key]: value });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = settingsUpdateOf(current, form, money.parse);
    if (!parsed.ok) return setError(parsed.message);
    if (Object.keys(parsed.update).length === 0) return setError('Nothing has changed.');
    setBusy(true);
    const r = await call('settings-update', parsed.update);
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setSaved(true);
    setCurrent(r.value);
    setForm(formTextOf(r.value, money.toInput));
    onSaved(r.value);
  };

  return (
    <div className="page" data-testid="settings-screen">
      <h1>Settings</h1>
      <form className="card settings-form" onSubmit={(e) => void submit(e)}>
        <LabelledInput
          label="Store name"
          value={form.storeName}
          onChange={(v) => set('storeName', v)}
          testId="settings-store-name"
        />
        <label>
          Receipt header (printed at the top of every receipt)
          <textarea
            rows={3}
            value={form.receiptHeader}
            onChange={(e) => set('receiptHeader', e.target.value)}
            data-testid="settings-receipt-header"
          />
        </label>
        <div className="form-row">
          <LabelledInput
            label={<>Discount limit (%): beyond it, a cashier needs the owner&apos;s PIN</>}
            value={form.discountLimitPercent}
            onChange={(v) => set('discountLimitPercent', v)}
            testId="settings-discount-limit"
            inputMode="decimal"
          />
          <LabelledInput
            label={<>Refund limit ({money.currency}): larger refunds need the owner&apos;s PIN</>}
            value={form.refundLimit}
            onChange={(v) => set('refundLimit', v)}
            testId="settings-refund-limit"
            inputMode="decimal"
          />
          <LabelledInput
            label={
              <>Void limit ({money.currency}): voiding a larger sale needs the owner&apos;s PIN</>
            }
            value={form.voidApprovalLimit}
            onChange={(v) => set('voidApprovalLimit', v)}
            testId="settings-void-limit"
            inputMode="decimal"
          />
          <LabelledInput
            label="Lock after (minutes without a key or touch): the till then asks for a PIN"
            value={form.idleLockMinutes}
            onChange={(v) => set('idleLockMinutes', v)}
            testId="settings-idle-lock"
            inputMode="numeric"
          />
        </div>
        <ErrorBanner message={error} testId="settings-error" onDismiss={() => setError(null)} />
        {saved && (
          <p className="ok-note" role="status" data-testid="settings-saved">
            Settings saved.
          </p>
        )}
        <button type="submit" className="btn-primary" disabled={busy} data-testid="settings-save">
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </form>

      <section className="card settings-fixed" data-testid="settings-fixed">
        <h2>Fixed for this till</h2>
        <dl className="settings-list">
          <dt>Prices are</dt>
          <dd data-testid="settings-tax-mode">
            {current.taxMode === 'inclusive' ? 'Tax inclusive' : 'Tax exclusive'}
          </dd>
          <dt>Locale</dt>
          <dd data-testid="settings-locale">{current.locale}</dd>
          <dt>Currency</dt>
          <dd data-testid="settings-currency">{current.currency}</dd>
          <dt>Time zone</dt>
          <dd data-testid="settings-time-zone">{current.timeZone}</dd>
        </dl>
        <p className="dash-source" data-testid="settings-fixed-why">
          These were chosen when the till was set up and cannot change once sales exist: every
          recorded sale, receipt and daily total is kept in this currency, tax mode and time zone,
          and HQ adds them up that way.
        </p>
      </section>
    </div>
  );
}
