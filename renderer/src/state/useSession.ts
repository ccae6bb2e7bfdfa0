// Who is logged in, and whether their shift is open. The core is the source of truth; this only
// caches its answer and re-asks after actions that change it.
import { useCallback, useEffect, useState } from 'react';
import type { Session } from '../../../shared/api';
import { call } from '../api/client';

export interface SessionState {
  /** undefined while loading. */
  session: Session | null | undefined;
  setSession: (s: Session | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

export const useSession = (enabled: boolean): SessionState => {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    const r = await call('auth-current', {});
    setSession(r.ok ? r.value : null);
  }, []);

  const logout = useCallback(async () => {
    await call('auth-logout', {});
    setSession(null);
  }, []);

  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, refresh]);

  return { session, setSession, refresh, logout };
};
