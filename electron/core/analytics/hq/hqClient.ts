// The HQ view's link to HQ with a person's HQ account (never the admin token: that key creates
// tills and replaces the catalog, and must not be typed into a till). The till core signs in at
// /v1/console/auth/login and keeps the session cookie in this process's memory for the signed-in
// owner only (never written to the till database, never sent back to the UI); signing out of the
// till or disconnecting forgets it, and HQ's session expiry ends it.
import { CONSOLE_SESSION_COOKIE, CSRF_HEADER } from '../../../../shared/console/consoleApi';
import { AppFailure } from '../../../../shared/result';
import type { CoreContext } from '../../context';

export interface HqConnection {
  hqUrl: string;
  /** The value of HQ's session cookie; sent back as `Cookie: hq_session=<value>`. */
  session: string;
  /** The session's CSRF token, needed only to sign out at HQ. */
  csrfToken: string;
  email: string;
  /** The till user who connected; another user signing in does not inherit the connection. */
  userId: string;
}

export const setHqConnection = (ctx: CoreContext, c: HqConnection | null): void => {
  ctx.state.hqConnection = c;
};

/** Signing out of (or into) the till ends the HQ sign-in too, at HQ as well (best effort). */
export const forgetHqSession = (ctx: CoreContext): void => {
  const c = ctx.state.hqConnection;
  ctx.state.hqConnection = null;
  if (c) void hqLogout(c);
};

/** The connection of the signed-in user, or null (then only the own store's figures show). */
export const peekHqConnection = (ctx: CoreContext): HqConnection | null => {
  const c = ctx.state.hqConnection;
  return c && c.userId === ctx.session.userId ? c : null;
};

export const hqConnectionOf = (ctx: CoreContext): HqConnection => {
  const c = peekHqConnection(ctx);
  if (!c) {
    ctx.state.hqConnection = null;
    throw new AppFailure(
      'UNAUTHENTICATED',
      'Sign in with an HQ account to see the whole chain: give your HQ email and password.',
    );
  }
  return c;
};

const TIMEOUT_MS = 15_000;

const urlOf = (hqUrl: string, pathAndQuery: string): URL =>
  new URL(pathAndQuery, hqUrl.endsWith('/') ? hqUrl : `${hqUrl}/`);

const send = async (url: URL, init: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new AppFailure(
      'SYNC_ERROR',
      `HQ at ${url.origin} cannot be reached (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
};

const readBody = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return null;
  }
};

const field = (body: unknown, name: string): string =>
  typeof body === 'object' && body !== null && name in body
    ? String((body as Record<string, unknown>)[name])
    : '';

/** The value of `name` among the response's Set-Cookie headers, or null. */
export const cookieValue = (setCookies: readonly string[], name: string): string | null => {
  for (const header of setCookies) {
    const [pair = ''] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) {
      const value = pair.slice(eq + 1).trim();
      if (value !== '') return value;
    }
  }
  return null;
};

const minutesText = (retryAfter: string | null): string => {
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds) || seconds <= 0) return 'for a while';
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'for about a minute' : `for about ${minutes} minutes`;
};

/** Signs in with an HQ account; HQ's LOGIN_FAILED and LOCKED_OUT become words the owner can act on. */
export const hqLogin = async (
  hqUrl: string,
  email: string,
  password: string,
): Promise<Pick<HqConnection, 'session' | 'csrfToken' | 'email'>> => {
  const url = urlOf(hqUrl, '/v1/console/auth/login');
  const response = await send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await readBody(response);
  const code = field(body, 'code');
  if (response.status === 429 || code === 'LOCKED_OUT')
    throw new AppFailure(
      'FORBIDDEN',
      `Too many wrong passwords: HQ has locked this account ${minutesText(response.headers.get('retry-after'))}. Try again later, or ask an HQ admin to unlock it.`,
      { reason: 'LOCKED_OUT' },
    );
  if (response.status === 401)
    throw new AppFailure('UNAUTHENTICATED', 'HQ did not accept that email and password.', {
      reason: 'LOGIN_FAILED',
    });
  if (response.status === 404)
    throw new AppFailure('SYNC_ERROR', `${hqUrl} has no HQ sign-in (is it an HQ sync service?).`);
  if (!response.ok)
    throw new AppFailure(
      'SYNC_ERROR',
      `HQ answered HTTP ${response.status}${field(body, 'message') ? `: ${field(body, 'message')}` : ''}.`,
    );
  const session = cookieValue(response.headers.getSetCookie(), CONSOLE_SESSION_COOKIE);
  if (session === null)
    throw new AppFailure('SYNC_ERROR', `${hqUrl} signed in but gave no session cookie.`);
  const user = (body as { user?: { email?: unknown } } | null)?.user;
  return {
    session,
    csrfToken: field(body, 'csrfToken'),
    email: typeof user?.email === 'string' ? user.email : email,
  };
};

/** Ends the session at HQ too (best effort: the till forgets it either way). */
export const hqLogout = async (c: HqConnection): Promise<void> => {
  try {
    await send(urlOf(c.hqUrl, '/v1/console/auth/logout'), {
      method: 'POST',
      headers: {
        cookie: `${CONSOLE_SESSION_COOKIE}=${c.session}`,
        [CSRF_HEADER]: c.csrfToken,
      },
    });
  } catch {
    // HQ unreachable: its session expires on its own.
  }
};

/** GET an HQ path with the session cookie; HQ's errors become the till's error codes. */
export const hqGet = async <T>(
  c: Pick<HqConnection, 'hqUrl' | 'session'>,
  pathAndQuery: string,
): Promise<T> => {
  const response = await send(urlOf(c.hqUrl, pathAndQuery), {
    headers: { cookie: `${CONSOLE_SESSION_COOKIE}=${c.session}`, accept: 'application/json' },
  });
  const body = await readBody(response);
  if (response.ok) return body as T;
  const message = field(body, 'message');
  if (response.status === 401)
    throw new AppFailure(
      'UNAUTHENTICATED',
      'Your HQ sign-in has ended. Sign in again with your HQ email and password.',
    );
  if (response.status === 403)
    throw new AppFailure('FORBIDDEN', `HQ refused: ${message || 'not allowed'}.`);
  if (response.status === 400)
    throw new AppFailure('VALIDATION', `HQ rejected the query: ${message}`);
  throw new AppFailure(
    'SYNC_ERROR',
    `HQ answered HTTP ${response.status}${message ? `: ${message}` : ''}.`,
  );
};
