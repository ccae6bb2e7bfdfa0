// Integration-test harness for the HQ console: a real sync service (gateway + console roles) on
// an ephemeral port against a fresh database and topics (gatewayTestKit), accounts created
// through the accounts repository, and a signed-in client that carries the session cookie and
// the CSRF token like the console web app does.
import { CONSOLE_SESSION_COOKIE, CSRF_HEADER } from '../../shared/console/consoleApi';
import type { ConsoleRole, SessionInfo } from '../../shared/console/consoleApi';
import { deleteTopics } from '../../build/test/serviceEnv';
import type { SyncConfig } from '../src/config';
import { insertAccount } from '../src/console/accountsRepo';
import { hashPassword } from '../src/console/passwords';
import { startTestGateway, type TestGateway } from './gatewayTestKit';
import type { ServiceRole } from '../src/service';

export const TEST_PASSWORD = 'correct horse battery';

export interface ConsoleClient {
  cookie: string;
  csrfToken: string;
  session: SessionInfo;
  /** A console request with the cookie and, unless `csrf: false`, the CSRF header. */
  call(
    method: string,
    path: string,
    body?: unknown,
    options?: { csrf?: boolean; headers?: Record<string, string> },
  ): Promise<Response>;
}

export interface TestConsole extends TestGateway {
  createAccount(email: string, role: ConsoleRole, password?: string): Promise<string>;
  login(email: string, password?: string): Promise<Response>;
  signIn(email: string, password?: string): Promise<ConsoleClient>;
  /** createAccount + signIn. */
  as(role: ConsoleRole, email?: string): Promise<ConsoleClient>;
}

/** The hq_session=... pair of a Set-Cookie answer. */
export const sessionCookieOf = (response: Response): string | null => {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (pair.startsWith(`${CONSOLE_SESSION_COOKIE}=`)) return pair;
  }
  return null;
};

export async function startTestConsole(
  label: string,
  overrides: Partial<SyncConfig> = {},
  roles: readonly ServiceRole[] = ['gateway', 'console'],
): Promise<TestConsole> {
  const gw = await startTestGateway(label, overrides, roles);
  let accounts = 0;
  const login = (email: string, password = TEST_PASSWORD): Promise<Response> =>
    fetch(`${gw.url}/v1/console/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  const signIn = async (email: string, password = TEST_PASSWORD): Promise<ConsoleClient> => {
    const response = await login(email, password);
    if (response.status !== 200)
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    const cookie = sessionCookieOf(response);
    if (!cookie) throw new Error('login set no session cookie');
    const session = (await response.json()) as SessionInfo;
    return {
      cookie,
      csrfToken: session.csrfToken,
      session,
      call: (method, path, body, options = {}) =>
        fetch(`${gw.url}${path}`, {
          method,
          headers: {
            cookie,
            ...(options.csrf === false ? {} : { [CSRF_HEADER]: session.csrfToken }),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...options.headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
    };
  };
  const createAccount = async (
    email: string,
    role: ConsoleRole,
    password = TEST_PASSWORD,
  ): Promise<string> => {
    const row = await insertAccount(gw.service.pool, {
      email,
      name: email.split('@')[0] ?? email,
      role,
      passwordHash: await hashPassword(password),
    });
    if (!row) throw new Error(`account ${email} exists`);
    return row.user_id;
  };
  return {
    ...gw,
    async dispose() {
      await gw.dispose();
      await deleteTopics([gw.config.eventsTopic, gw.config.dlqTopic]);
    },
    createAccount,
    login,
    signIn,
    async as(role, email = `${role}-${++accounts}@example.com`) {
      await createAccount(email, role);
      return signIn(email);
    },
  };
}
