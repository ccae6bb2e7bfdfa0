// First run: the store's basics and the owner's account. Optionally loads the demo shop.
import { useState, type FormEvent } from 'react';
import type { StoreSettings } from '../../../../shared/api';
import { apiInputs } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';

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
        <label>
          Store name
          <input
            value={form.storeName}
            onChange={(e) => set('storeName', e.target.value)}
            data-testid="setup-store"
            required
          />
        </label>
        <div className="form-row">
          <label>
            Currency (ISO code)
            <input
              value={form.currency}
              maxLength={3}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
              data-testid="setup-currency"
            />
          </label>
          <label>
            Locale
            <input
              value={form.locale}
              onChange={(e) => set('locale', e.target.value)}
              data-testid="setup-locale"
            />
          </label>
        </div>
        <div className="form-row">
          <label>
            Time zone
            <input
              value={form.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
              data-testid="setup-timezone"
            />
          </label>
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
          <label>
            Owner name
            <input
              value={form.ownerName}
              onChange={(e) => set('ownerName', e.target.value)}
              data-testid="setup-owner"
              required
            />
          </label>
          <label>
            Owner PIN (6–8 digits)
            <input
              type="password"
              inputMode="numeric"
              value={form.ownerPin}
              onChange={(e) => set('ownerPin', e.target.value.replace(/\D/g, ''))}
              data-testid="setup-pin"
            />
          </label>
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
