// The console's one way to reach the sync service: same-origin fetch with the session cookie,
// the session's CSRF token on every write, and answers turned into typed results — never a throw
// — so a screen branches on `error.code` (LOGIN_FAILED, FORBIDDEN, CONFLICT, ...). A 401
// UNAUTHENTICATED (session expired or logged out elsewhere) sends the person back to the login.
import { CSRF_HEADER } from '../../../shared/console/consoleApi';

export interface ConsoleError {
  /** The server's code, or NETWORK (no answer) / BAD_ANSWER (not the JSON we expect). */
  code: string;
  message: string;
  status: number;
  /** The whole error body, for answers that carry more (a 422 import with its preview). */
  body: unknown;
}

export type ConsoleResult<T> = { ok: true; value: T } | { ok: false; error: ConsoleError };

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The error of a non-2xx answer: the body's `{ code, message }` or a code made from the status. */
export const errorOf = (status: number, body: unknown): ConsoleError => {
  if (isRecord(body) && typeof body.code === 'string') {
    const message = typeof body.message === 'string' ? body.message : body.code;
    return { code: body.code, message, status, body };
  }
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : status === 429
            ? 'LOCKED_OUT'
            : status >= 500
              ? 'SERVER_ERROR'
              : 'BAD_ANSWER';
  return { code, message: `HQ answered ${status}`, status, body };
};

/** True for the answers that mean "no valid session": back to the login screen. */
export const endsSession = (error: ConsoleError): boolean =>
  error.status === 401 && error.code === 'UNAUTHENTICATED';

/** What a person reads for an error code (the server's message adds the detail). */
export const errorWords = (error: ConsoleError): string => {
  switch (error.code) {
    case 'LOGIN_FAILED':
      return 'Wrong email or password.';
    case 'LOCKED_OUT':
      return 'Too many failed sign-ins: this account is locked for a while. Try again later or ask an admin to unlock it.';
    case 'FORBIDDEN':
      return 'Your role may not do this.';
    case 'CSRF_REJECTED':
      return 'The page is out of date: reload it and try again.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended: sign in again.';
    case 'NETWORK':
      return 'HQ did not answer: check the connection and try again.';
    default:
      return error.message;
  }
};

export interface ConsoleClientOptions {
  /** The current session's CSRF token (null before login). */
  csrfToken: () => string | null;
  onUnauthenticated: () => void;
  fetchFn?: typeof fetch;
}

export interface ConsoleClient {
  get<T>(
    path: string,
    query?: Record<string, string | number | undefined>,
  ): Promise<ConsoleResult<T>>;
  send<T>(method: WriteMethod, path: string, body?: unknown): Promise<ConsoleResult<T>>;
}

/** `path?a=1&b=2`, leaving out undefined and empty values. */
export const withQuery = (
  path: string,
  query: Record<string, string | number | undefined> = {},
): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

export const createConsoleClient = (options: ConsoleClientOptions): ConsoleClient => {
  const fetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const request = async <T>(
    method: 'GET' | WriteMethod,
    path: string,
    body?: unknown,
  ): Promise<ConsoleResult<T>> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = options.csrfToken();
    if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
    let response: Response;
    try {
      response = await fetchFn(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'NETWORK', message, status: 0, body: null } };
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (response.ok) return { ok: true, value: parsed as T };
    const error = errorOf(response.status, parsed);
    if (endsSession(error)) options.onUnauthenticated();
    return { ok: false, error };
  };
  return {
    get: (path, query) => request('GET', withQuery(path, query)),
    send: (method, path, body) => request(method, path, body),
  };
};
