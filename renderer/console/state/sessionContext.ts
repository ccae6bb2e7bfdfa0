// The signed-in person, their calls and what their role may do, for every screen below the login.
// Screens hide what the role may not do (the server refuses it anyway).
import { createContext, useContext } from 'react';
import { can, type ConsolePermission, type SessionInfo } from '../../../shared/console/consoleApi';
import type { ConsoleCalls } from '../api/consoleCalls';

export interface ConsoleSession {
  info: SessionInfo;
  api: ConsoleCalls;
  locale: string;
  can: (permission: ConsolePermission) => boolean;
  /** HQ's clock minus the browser's, from the last list answer with serverTime (ages use HQ's clock). */
  now: () => number;
  noteServerTime: (serverTime: number) => void;
}

export const SessionContext = createContext<ConsoleSession | null>(null);

export const useSession = (): ConsoleSession => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
};

export const sessionOf = (
  info: SessionInfo,
  api: ConsoleCalls,
  locale: string,
  clock: { offset: number },
): ConsoleSession => ({
  info,
  api,
  locale,
  can: (permission) => can(info.user.role, permission),
  now: () => Date.now() + clock.offset,
  noteServerTime: (serverTime) => {
    clock.offset = serverTime - Date.now();
  },
});
