// PIN login: pick your name, type the PIN on the keypad or the keyboard.
import { useEffect, useState } from 'react';
import type { Session, User } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PinPad } from '../../components/PinPad';
import { useSettings } from '../../state/settingsContext';

export function LoginScreen({ onLogin }: { onLogin: (s: Session) => void }) {
  const { storeName } = useSettings();
  const [users, setUsers] = useState<User[] | null>(null);
  const [chosen, setChosen] = useState<User | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('users-list', {}).then((r) => {
      if (r.ok) setUsers(r.value.filter((u) => u.active));
      else setError(errorText(r.error));
    });
  }, []);

  const submit = async () => {
    if (!chosen || busy) return;
    if (!/^\d{4,8}$/.test(pin)) {
      setError('A PIN is 4 to 8 digits.');
      return;
    }
    setBusy(true);
    const r = await call('auth-login', { userId: chosen.id, pin });
    setBusy(false);
    if (r.ok) onLogin(r.value);
    else {
      setError(errorText(r.error));
      setPin('');
    }
  };

  return (
    <div className="centered-page">
      <div className="card login-card" data-testid="login-screen">
        <h1>{storeName}</h1>
        {!chosen ? (
          <>
            <p className="dialog-lead">Who is at the till?</p>
            <div className="user-tiles">
              {(users ?? []).map((u, i) => (
                <button
                  key={u.id}
                  type="button"
                  className="user-tile"
                  data-testid={`login-user-${u.name}`}
                  autoFocus={i === 0}
                  onClick={() => {
                    setChosen(u);
                    setError(null);
                  }}
                >
                  <span className="user-name">{u.name}</span>
                  <span className="user-role">{u.role}</span>
                </button>
              ))}
            </div>
            {users?.length === 0 && <p>No active users. Ask the owner.</p>}
          </>
        ) : (
          <>
            <p className="dialog-lead">
              PIN for <strong>{chosen.name}</strong>
            </p>
            <PinPad
              value={pin}
              onChange={setPin}
              onSubmit={() => void submit()}
              testId="login-pin"
              disabled={busy}
            />
            <button
              type="button"
              className="btn-ghost"
              onClick={() => {
                setChosen(null);
                setPin('');
                setError(null);
              }}
            >
              ← Someone else
            </button>
          </>
        )}
        <ErrorBanner message={error} testId="login-error" />
      </div>
    </div>
  );
}
