// The sync address and the one-time code from HQ, typed or pasted. HQ's QR code holds one line
// ("counterline-enroll:{...}"): pasted into either field it fills both. Plain http:// to another
// machine needs the explicit "allow unencrypted" tick; the core refuses it otherwise.
import { useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../../shared/api';
import { parseEnrollmentQrText } from '../../../../shared/console/consoleApi';
import { isInsecureRemoteUrl } from '../../../../shared/sync/loopback';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';

interface Props {
  initialUrl: string;
  onEnrolled: (status: SyncStatus) => void;
}

export function ConnectForm({ initialUrl, onEnrolled }: Props) {
  const [url, setUrl] = useState(initialUrl);
  const [code, setCode] = useState('');
  const [allowInsecure, setAllowInsecure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** A pasted QR line fills both fields; anything else is the field's own text. */
  const typed = (field: 'url' | 'code', text: string) => {
    const qr = parseEnrollmentQrText(text);
    if (qr) {
      setUrl(qr.url);
      setCode(qr.code);
    } else if (field === 'url') setUrl(text);
    else setCode(text);
  };
  const insecure = isInsecureRemoteUrl(url);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await call('sync-enroll', { url: url.trim(), code: code.trim(), allowInsecure });
    setBusy(false);
    if (r.ok) {
      setCode('');
      onEnrolled(r.value);
    } else setError(errorText(r.error));
  };

  return (
    <form className="card connect-form" data-testid="connect-form" onSubmit={(e) => void submit(e)}>
      <p className="dialog-lead">
        Ask HQ for this till&apos;s one-time code. Type the sync address and the code, or paste the
        text of HQ&apos;s QR code into either field.
      </p>
      <label>
        Sync address
        <input
          value={url}
          onChange={(e) => typed('url', e.target.value)}
          placeholder="https://hq.example.com"
          autoComplete="url"
          data-testid="connect-url"
        />
      </label>
      <label>
        One-time code
        <input
          value={code}
          onChange={(e) => typed('code', e.target.value)}
          autoComplete="off"
          data-testid="connect-code"
        />
      </label>
      {insecure && (
        <p className="warn-banner" data-testid="connect-insecure-warning">
          This address uses plain http:// to another machine: the till&apos;s key and every sale
          would cross the network unencrypted. Use https://, or tick the box below only on a private
          network you trust.
        </p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={allowInsecure}
          onChange={(e) => setAllowInsecure(e.target.checked)}
          data-testid="connect-allow-insecure"
        />
        Allow unencrypted (http://) to another machine
      </label>
      <ErrorBanner message={error} testId="connect-error" onDismiss={() => setError(null)} />
      <button
        type="submit"
        className="btn-primary"
        disabled={busy || url.trim() === '' || code.trim() === ''}
        data-testid="connect-submit"
      >
        {busy ? 'Connecting…' : 'Connect to HQ'}
      </button>
    </form>
  );
}
