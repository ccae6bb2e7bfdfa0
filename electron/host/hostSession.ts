// Browser mode's session: the launch token printed by `npm run serve` is redeemed once, by the
// first page load that carries it, for an HttpOnly SameSite=Strict cookie; every API call is then
// authenticated by that cookie. Neither secret is ever written into a page, so a local process
// that fetches `/` learns nothing, and a launch URL seen later (history, logs, a screenshot) no
// longer opens the till. The cookie's name carries the port because cookies are not scoped by
// port: two tills on one machine must not overwrite each other's session in a browser.
import { newToken, tokenMatches } from './hostSecurity';

export const LAUNCH_TOKEN_PARAM = 'token';

export const sessionCookieName = (port: number): string => `pos_session_${port}`;

/** The value of cookie `name` in a Cookie header, or undefined. */
export const cookieValue = (header: string | undefined, name: string): string | undefined => {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
};

export interface HostSession {
  /** True once, for the launch token; false for anything else and for every later try. */
  redeem(presented: string | null): boolean;
  /** Whether a request's Cookie header carries this launch's session. */
  authenticated(cookieHeader: string | undefined, port: number): boolean;
  /** The Set-Cookie header value that starts the session. */
  setCookie(port: number): string;
}

export const createHostSession = (launchToken: string): HostSession => {
  const secret = newToken();
  let redeemed = false;
  return {
    redeem(presented) {
      if (redeemed || presented === null || !tokenMatches(launchToken, presented)) return false;
      redeemed = true;
      return true;
    },
    authenticated(cookieHeader, port) {
      return tokenMatches(secret, cookieValue(cookieHeader, sessionCookieName(port)));
    },
    setCookie(port) {
      // No Max-Age: a browser-session cookie, and the secret dies with the host anyway. No
      // Secure: the host speaks plain HTTP on loopback.
      return `${sessionCookieName(port)}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
    },
  };
};

/**
 * Cross-site request forgery guard for API calls, on top of SameSite=Strict: a browser always
 * names the page that sends a POST (Origin, and Sec-Fetch-Site in current browsers); it must be
 * this host. Clients that are not browsers (tests, scripts) send neither and need the cookie.
 */
export const sameOriginRequest = (headers: {
  origin?: string | undefined;
  host?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
}): boolean => {
  if (headers.origin !== undefined && headers.origin !== `http://${headers.host ?? ''}`)
    return false;
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin';
};

/** Where a redeemed launch URL redirects: its path when it is a plain app path, else `/`. */
export const cleanLocation = (pathname: string): string =>
  /^\/(?!\/)[A-Za-z0-9/_.-]*$/.test(pathname) && !pathname.includes('..') ? pathname : '/';
