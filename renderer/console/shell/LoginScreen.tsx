// Signing in with an email and a password. Wrong credentials and a lockout are said in words; the
// server never says which of email or password was wrong, and neither does this screen.
import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/console/consoleApi';
import type { ConsoleCalls } from '../api/consoleCalls';
import { errorWords } from '../api/consoleClient';

interface Props {
  api: ConsoleCalls;
  notice: string | null;
  onSignedIn: (s: SessionInfo) => void;
}

export function LoginScreen({ api, notice, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.login(email, password);
    setBusy(false);
    if (r.ok) onSignedIn(r.value);
    else setError({ code: r.error.code, text: errorWords(r.error) });
  };
  return (
    <div className="console-login" data-testid="login-screen">
      <form className="console-login-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1>Counterline HQ</h1>
        <p className="muted">Sign in with your HQ account.</p>
        {notice && !error && (
          <p className="console-notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        {error && (
          <p className="error-banner" role="alert" data-testid="login-error" data-code={error.code}>
            {error.text}
          </p>
        )}
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            data-testid="login-email"
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            data-testid="login-password"
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="btn-primary"
          disabled={busy || !email || !password}
          data-testid="login-submit"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
