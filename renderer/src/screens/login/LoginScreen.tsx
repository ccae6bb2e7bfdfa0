// PIN login: pick your name, type the PIN on the keypad or the keyboard. After too many wrong
// PINs the till locks that user for a while: the screen counts down "try again in N s". After the
// idle lock it opens on the PIN of the user who was signed in ("Someone else" lets another in).
import { useEffect, useState } from 'react';
import type { Session, User } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { pinLockSeconds, tryAgainWords } from '../../api/pinLock';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PinPad } from '../../components/PinPad';
import { useSettings } from '../../state/settingsContext';

interface Props {
  onLogin: (s: Session) => void;
  /** Set when the idle lock signed this user out: the screen asks for their PIN first. */
  lockedUser?: User | null;
}

export function LoginScreen({ onLogin, lockedUser = null }: Props) {
  const { storeName } = useSettings();
  const [users, setUsers] = useState<User[] | null>(null);
  const [chosen, setChosen] = useState<User | null>(lockedUser);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lockLeft = lockedUntil === null ? 0 : Math.ceil((lockedUntil - now) / 1000);

  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [lockedUntil]);

  useEffect(() => {
    void call('users-list', {}).then((r) => {
      if (r.ok) setUsers(r.value.filter((u) => u.active));
      else setError(errorText(r.error));
    });
  }, []);

  const submit = async () => {
    if (!chosen || busy || lockLeft > 0) return;
    if (!/^\d{4,8}$/.test(pin)) {
      setError('A PIN is 4 to 8 digits.');
      return;
    }
    setBusy(true);
    const r = await call('auth-login', { userId: chosen.id, pin });
    setBusy(false);
    if (r.ok) onLogin(r.value);
    else {
      const wait = pinLockSeconds(r.error);
      setLockedUntil(wait === null ? null : Date.now() + wait * 1000);
      setNow(Date.now());
      setError(wait === null ? errorText(r.error) : null);
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
                    setLockedUntil(null);
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
            {lockedUser?.id === chosen.id && (
              <p className="warn-banner" role="status" data-testid="login-idle-locked">
                The till locked after a while without use. The sale is kept.
              </p>
            )}
            <p className="dialog-lead">
              PIN for <strong>{chosen.name}</strong>
            </p>
            <PinPad
              value={pin}
              onChange={setPin}
              onSubmit={() => void submit()}
              testId="login-pin"
              disabled={busy || lockLeft > 0}
              home
            />
            {lockLeft > 0 && (
              <p className="warn-banner" role="status" data-testid="login-locked">
                {tryAgainWords(lockLeft)}
              </p>
            )}
            <button
              type="button"
              className="btn-ghost"
              onClick={() => {
                setChosen(null);
                setPin('');
                setError(null);
                setLockedUntil(null);
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
