// The app shell: first-run setup, then PIN login, then the till screens with a nav bar and the
// status strip. The owner-approval dialog is always mounted so any call can ask for the PIN.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { SetupStatus, StoreSettings, User } from '../../shared/api';
import { call } from './api/client';
import { errorText } from './api/errorText';
import { ErrorBanner } from './components/ErrorBanner';
import { NavBar, type ScreenName } from './components/NavBar';
import { cancelOwnerPinRequest } from './api/ownerApproval';
import { OwnerApprovalDialog } from './components/OwnerApprovalDialog';
import { StatusStrip } from './components/StatusStrip';
import { CheckoutScreen } from './screens/checkout/CheckoutScreen';
import { HistoryImportScreen } from './screens/historyImport/HistoryImportScreen';
import { LoginScreen } from './screens/login/LoginScreen';
import { ProductsScreen } from './screens/products/ProductsScreen';
import { RecentReceiptsDialog } from './screens/receipt/RecentReceiptsDialog';
import { ReturnsScreen } from './screens/returns/ReturnsScreen';
import { ConnectHqScreen } from './screens/hqConnect/ConnectHqScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { ShiftHandOverDialog } from './screens/shift/ShiftHandOverDialog';
import { ShiftScreen } from './screens/shift/ShiftScreen';
import { StockScreen } from './screens/stock/StockScreen';
import { UsersScreen } from './screens/users/UsersScreen';
import { escapeLocalField } from './focus/escapeLocal';
import { useFocusSafetyNet } from './focus/useFocusSafetyNet';
import { SettingsContext } from './state/settingsContext';
import { parkWindowCartFor } from './state/useCart';
import { useIdleLock } from './state/useIdleLock';
import { useSession } from './state/useSession';
import { useShortcuts } from './state/useShortcuts';

// The dashboard (and Chart.js with it) loads on first use, so the cashier's screens start light.
const DashboardScreen = lazy(() =>
  import('./dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
);

export function App() {
  const [setup, setSetup] = useState<SetupStatus | null>(null);
  const [bootError, setBootError] = useState<string | null>(null);
  const [screen, setScreen] = useState<ScreenName>('checkout');
  const [showReceipts, setShowReceipts] = useState(false);
  /** Who was signed in when the idle lock came down; the lock screen asks for their PIN. */
  const [lockedUser, setLockedUser] = useState<User | null>(null);
  const settings: StoreSettings | null = setup?.settings ?? null;
  const { session, setSession, refresh, logout } = useSession(settings !== null);

  const loadSetup = useCallback(async () => {
    const r = await call('setup-status', {});
    if (r.ok) setSetup(r.value);
    else setBootError(errorText(r.error));
  }, []);
  useEffect(() => void loadSetup(), [loadSetup]);

  const loggedIn = Boolean(session);
  useShortcuts(
    {
      F5: () => setShowReceipts(true),
      F6: () => setScreen('returns'),
      F7: () => setScreen('shift'),
      // Esc leaves (or clears) the field it is in first; only then does it go back to the sale.
      Escape: () => {
        if (!escapeLocalField()) setScreen('checkout');
      },
    },
    loggedIn,
  );
  useFocusSafetyNet();

  // The idle lock signs the user out in the core (nothing can be rung up while locked) and keeps
  // the open sale for them: their PIN brings it back.
  useIdleLock(settings?.idleLockMinutes ?? 0, loggedIn, () => {
    if (!session) return;
    const user = session.user;
    setShowReceipts(false);
    cancelOwnerPinRequest();
    void logout().then(() => setLockedUser(user));
  });

  if (bootError) return <ErrorBanner message={bootError} testId="boot-error" />;
  if (!setup) return <p className="loading">Starting the till…</p>;
  if (!setup.initialised || !settings) {
    return (
      <SetupScreen
        onDone={(s) => setSetup({ initialised: true, hasDemoData: false, settings: s })}
      />
    );
  }

  return (
    <SettingsContext.Provider value={settings}>
      <div className="app">
        {session === undefined ? (
          <p className="loading">Loading…</p>
        ) : session === null ? (
          <LoginScreen
            lockedUser={lockedUser}
            onLogin={(s) => {
              const after = lockedUser;
              setLockedUser(null);
              if (after && after.id === s.user.id) {
                // Back from the lock: the same screen and the same sale.
                setSession(s);
                return;
              }
              const handOver = after ? parkWindowCartFor(after.name) : Promise.resolve();
              void handOver.then(() => {
                setSession(s);
                // The dashboard is the owner's landing screen; cashiers land on the sale.
                setScreen(s.user.role === 'owner' ? 'dashboard' : 'checkout');
              });
            }}
          />
        ) : (
          <>
            <NavBar
              screen={screen}
              role={session.user.role}
              onNavigate={setScreen}
              onReceipts={() => setShowReceipts(true)}
              onLogout={() =>
                void logout().then(() => {
                  setLockedUser(null);
                  setScreen('checkout');
                })
              }
            />
            <main className="screen">
              {screen === 'dashboard' && (
                <Suspense fallback={<p className="loading">Loading the dashboard…</p>}>
                  <DashboardScreen />
                </Suspense>
              )}
              {screen === 'checkout' && (
                <CheckoutScreen session={session} onSessionChange={refresh} />
              )}
              {screen === 'returns' && <ReturnsScreen />}
              {screen === 'shift' && <ShiftScreen session={session} onSessionChange={refresh} />}
              {screen === 'products' && <ProductsScreen />}
              {screen === 'stock' && <StockScreen />}
              {screen === 'users' && <UsersScreen currentUserId={session.user.id} />}
              {screen === 'history' && <HistoryImportScreen />}
              {screen === 'settings' && (
                <SettingsScreen onSaved={(s) => setSetup({ ...setup, settings: s })} />
              )}
              {screen === 'hq-connect' && <ConnectHqScreen />}
            </main>
            {showReceipts && <RecentReceiptsDialog onClose={() => setShowReceipts(false)} />}
            <ShiftHandOverDialog
              key={session.user.id}
              canStepIn={session.user.role === 'owner'}
              onCloseShift={() => setScreen('shift')}
            />
          </>
        )}
        <StatusStrip session={session ?? null} />
      </div>
      <OwnerApprovalDialog />
    </SettingsContext.Provider>
  );
}
