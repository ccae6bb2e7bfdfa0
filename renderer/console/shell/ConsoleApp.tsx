// The console's frame: asks HQ for the current session (the cookie is HttpOnly, so only HQ knows),
// shows the login without one, and otherwise the navigation and the screen the URL's hash names.
// Any 401 from any call ends the session here and returns to the login.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionInfo } from '../../../shared/console/consoleApi';
import { consoleCalls } from '../api/consoleCalls';
import { createConsoleClient } from '../api/consoleClient';
import { parseRoute, routeHash, type ConsoleRoute } from '../state/consoleRoute';
import { SessionContext, sessionOf } from '../state/sessionContext';
import { LoginScreen } from './LoginScreen';
import { ConsoleNav } from './ConsoleNav';
import { ScreenSwitch } from './ScreenSwitch';
import { UserMenu } from './UserMenu';

const LOCALE = navigator.language || 'en-US';

export function ConsoleApp() {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [checked, setChecked] = useState(false);
  const [ended, setEnded] = useState(false);
  const infoRef = useRef<SessionInfo | null>(null);
  infoRef.current = info;
  const clock = useRef({ offset: 0 });
  const api = useMemo(
    () =>
      consoleCalls(
        createConsoleClient({
          csrfToken: () => infoRef.current?.csrfToken ?? null,
          onUnauthenticated: () => {
            if (infoRef.current) setEnded(true);
            setInfo(null);
          },
        }),
      ),
    [],
  );
  const [route, setRoute] = useState<ConsoleRoute>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((r: ConsoleRoute) => {
    window.location.hash = routeHash(r);
  }, []);

  useEffect(() => {
    void api.session().then((r) => {
      if (r.ok) setInfo(r.value);
      setChecked(true);
    });
  }, [api]);

  const session = useMemo(
    () => (info ? sessionOf(info, api, LOCALE, clock.current) : null),
    [info, api],
  );

  if (!checked) return <p className="loading console-loading">Loading…</p>;
  if (!session)
    return (
      <LoginScreen
        api={api}
        notice={ended ? 'Your session ended: sign in again.' : null}
        onSignedIn={(s) => {
          setEnded(false);
          setInfo(s);
        }}
      />
    );
  return (
    <SessionContext.Provider value={session}>
      <div className="console" data-testid="console-app" data-role={session.info.user.role}>
        <header className="console-top">
          <span className="console-brand">Counterline HQ</span>
          <ConsoleNav route={route} go={go} />
          <UserMenu onSignedOut={() => setInfo(null)} />
        </header>
        <main className="console-main">
          <ScreenSwitch route={route} go={go} />
        </main>
      </div>
    </SessionContext.Provider>
  );
}
