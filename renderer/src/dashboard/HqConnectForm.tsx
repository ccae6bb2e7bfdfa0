// Connects the HQ view: the HQ address and the admin token. The token goes to the till core,
// which keeps it in memory for this signed-in owner only; the page never stores it.
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { errorText } from '../api/errorText';
import { ErrorBanner } from '../components/ErrorBanner';

export function HqConnectForm({ onConnected }: { onConnected: () => void }) {
  const [hqUrl, setHqUrl] = useState('http://127.0.0.1:8787');
  const [adminToken, setAdminToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('dashboard-hq-connect', { hqUrl, adminToken });
    setBusy(false);
    if (r.ok) {
      setAdminToken('');
      onConnected();
    } else setError(errorText(r.error));
  };
  return (
    <form className="dash-hq-form" data-testid="hq-connect" onSubmit={(e) => void submit(e)}>
      <p className="dash-source">
        The HQ view compares every store of the chain. Sign in to HQ with its admin token.
      </p>
      <label>
        HQ address
        <input
          value={hqUrl}
          onChange={(e) => setHqUrl(e.target.value)}
          data-testid="hq-url"
          autoComplete="url"
        />
      </label>
      <label>
        Admin token
        <input
          type="password"
          value={adminToken}
          onChange={(e) => setAdminToken(e.target.value)}
          data-testid="hq-token"
          autoComplete="off"
        />
      </label>
      <button
        type="submit"
        disabled={busy || adminToken.trim().length < 8}
        data-testid="hq-connect-submit"
      >
        {busy ? 'Connecting…' : 'Connect'}
      </button>
      <ErrorBanner message={error} testId="hq-connect-error" onDismiss={() => setError(null)} />
    </form>
  );
}
