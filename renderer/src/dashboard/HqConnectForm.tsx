// Signs the HQ view in with an HQ account (email and password), never the admin token. The till
// core keeps HQ's session in memory for this signed-in owner only; the page never stores it. The
// address starts as the till's own sync address when the till is enrolled.
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';

export function HqConnectForm({ onConnected }: { onConnected: () => void }) {
  const [hqUrl, setHqUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('sync-status', {}).then((r) => {
      if (r.ok && r.value.hqUrl) setHqUrl((typed) => typed || (r.value.hqUrl ?? ''));
    });
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('dashboard-hq-connect', {
      ...(hqUrl.trim() ? { hqUrl: hqUrl.trim() } : {}),
      email,
      password,
    });
    setBusy(false);
    setPassword('');
    if (r.ok) onConnected();
    // HQ's own words: wrong email or password, locked out for N minutes, unreachable.
    else setError(r.error.message);
  };
  return (
    <form className="dash-hq-form" data-testid="hq-connect" onSubmit={(e) => void submit(e)}>
      <p className="dash-source">
        The whole chain (every store side by side) needs an HQ account. Sign in with your HQ email
        and password; the till forgets the sign-in when you log out.
      </p>
      <label>
        HQ address
        <input
          value={hqUrl}
          onChange={(e) => setHqUrl(e.target.value)}
          data-testid="hq-url"
          placeholder="https://hq.example.com"
          autoComplete="url"
        />
      </label>
      <label>
        HQ email
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="hq-email"
          autoComplete="username"
        />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="hq-password"
          autoComplete="current-password"
        />
      </label>
      <button
        type="submit"
        disabled={busy || email.trim() === '' || password === ''}
        data-testid="hq-connect-submit"
      >
        {busy ? 'Signing in…' : 'Sign in to HQ'}
      </button>
      <ErrorBanner message={error} testId="hq-connect-error" onDismiss={() => setError(null)} />
    </form>
  );
}
