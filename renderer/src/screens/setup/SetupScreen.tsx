// First run: the store's basics and the owner's account. Optionally loads the demo shop.
import { useState, type FormEvent } from 'react';
import type { StoreSettings } from '../../../../shared/api';
import { apiInputs } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LabelledInput } from '../../components/LabelledInput';

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function SetupScreen({ onDone }: { onDone: (s: StoreSettings) => void }) {
  const [form, setForm] = useState({
    storeName: '',
    currency: 'INR',
    locale: navigator.language || 'en-IN',
    timeZone: browserTimeZone(),
    taxMode: 'inclusive' as 'inclusive' | 'exclusive',
    ownerName: '',
    ownerPin: '',
    demo: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = apiInputs['setup-init'].safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        `Please check ${String(issue?.path[0] ?? 'the form')}: ${issue?.message ?? 'invalid'}`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    const r = await call('setup-init', parsed.data);
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(errorText(r.error));
  };

  return (
    <div className="centered-page">
      <form className="card setup-form" onSubmit={(e) => void submit(e)} data-testid="setup-form">
        <h1>Set up this till</h1>
        <LabelledInput
          label="Store name"
          value={form.storeName}
          onChange={(v) => set('storeName', v)}
          testId="setup-store"
          required
        />
        <div className="form-row">
          <LabelledInput
            label="Currency (ISO code)"
            value={form.currency}
            onChange={(v) => set('currency', v.toUpperCase())}
            testId="setup-currency"
            maxLength={3}
          />
          <LabelledInput
            label="Locale"
            value={form.locale}
            onChange={(v) => set('locale', v)}
            testId="setup-locale"
          />
        </div>
        <div className="form-row">
          <LabelledInput
            label="Time zone"
            value={form.timeZone}
            onChange={(v) => set('timeZone', v)}
            testId="setup-timezone"
          />
          <label>
            Prices are
            <select
              value={form.taxMode}
              onChange={(e) => set('taxMode', e.target.value as 'inclusive' | 'exclusive')}
              data-testid="setup-taxmode"
            >
              <option value="inclusive">Tax inclusive</option>
              <option value="exclusive">Tax exclusive</option>
            </select>
          </label>
        </div>
        <div className="form-row">
          <LabelledInput
            label="Owner name"
            value={form.ownerName}
            onChange={(v) => set('ownerName', v)}
            testId="setup-owner"
            required
          />
          <LabelledInput
            label="Owner PIN (6–8 digits)"
            value={form.ownerPin}
            onChange={(v) => set('ownerPin', v.replace(/\D/g, ''))}
            testId="setup-pin"
            type="password"
            inputMode="numeric"
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.demo}
            onChange={(e) => set('demo', e.target.checked)}
            data-testid="setup-demo"
          />
          Load the demo shop (men&apos;s traditional clothing, 2 years of history)
        </label>
        <ErrorBanner message={error} testId="setup-error" />
        <button
          type="submit"
          className="btn-primary btn-large"
          disabled={busy}
          data-testid="setup-submit"
        >
          {busy
            ? form.demo
              ? 'Setting up and loading the demo shop…'
              : 'Setting up…'
            : 'Set up the till'}
        </button>
      </form>
    </div>
  );
}
