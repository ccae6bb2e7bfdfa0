// HQ accounts for the e2e tests, made the way an HQ makes its first one: the command line
// (`npm run hq -- create-admin <email>`, password from HQ_ADMIN_PASSWORD) against the test's
// database; then a console session (cookie + CSRF token) for the console's write routes.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONSOLE_SESSION_COOKIE, CSRF_HEADER } from '../../shared/console/consoleApi';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

export const HQ_ADMIN = { email: 'hq-admin@example.com', password: 'e2e admin password 1' };

export const createHqAdmin = async (
  databaseUrl: string,
  account: { email: string; password: string; name?: string } = HQ_ADMIN,
): Promise<void> => {
  const name = account.name === undefined ? [] : ['--name', account.name];
  await run('npm', ['run', '-s', 'hq', '--', 'create-admin', account.email, ...name], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, HQ_ADMIN_PASSWORD: account.password },
    timeout: 90_000,
  });
};

export interface ConsoleSession {
  cookie: string;
  csrfToken: string;
}

export const consoleLogin = async (
  url: string,
  account: { email: string; password: string } = HQ_ADMIN,
): Promise<ConsoleSession> => {
  const res = await fetch(`${url}/v1/console/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`console login answered ${res.status}: ${await res.text()}`);
  const pair = res.headers
    .getSetCookie()
    .map((h) => h.split(';')[0] ?? '')
    .find((p) => p.startsWith(`${CONSOLE_SESSION_COOKIE}=`));
  if (!pair) throw new Error('console login set no session cookie');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: pair, csrfToken: body.csrfToken };
};

/** A console write (POST), with the session cookie and its CSRF token. */
export const consolePost = async <T>(
  url: string,
  session: ConsoleSession,
  path: string,
  body: unknown = {},
): Promise<T> => {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrfToken,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
};
