// Browser mode's launch flow, for tests and benches that talk to a till host from Node as well as
// from Chromium: the printed launch URL is redeemed once (here, in Node) for the host's HttpOnly
// session cookie; Node calls send that cookie, and a Chromium page gets it put in its context
// before it opens the till's clean URL. See electron/host/hostSession.ts.
import type { Page } from 'playwright-core';

export interface TillSession {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The clean URL the launch URL redirects to. */
  pageUrl: string;
  cookieName: string;
  cookieValue: string;
  /** `name=value`, for a Cookie request header. */
  cookieHeader: string;
}

export const redeemLaunchUrl = async (launchUrl: string): Promise<TillSession> => {
  const response = await fetch(launchUrl, { redirect: 'manual' });
  const setCookie = response.headers.getSetCookie()[0];
  const location = response.headers.get('location');
  if (response.status !== 303 || setCookie === undefined || location === null)
    throw new Error(`The launch URL was not redeemed: HTTP ${response.status}.`);
  const pair = setCookie.split(';')[0] ?? '';
  const at = pair.indexOf('=');
  const origin = new URL(launchUrl).origin;
  return {
    origin,
    pageUrl: new URL(location, origin).href,
    cookieName: pair.slice(0, at),
    cookieValue: pair.slice(at + 1),
    cookieHeader: pair,
  };
};

/** Gives the page's browser context the till's session cookie, then opens the till. */
export const openTillPage = async (page: Page, session: TillSession): Promise<void> => {
  await page.context().addCookies([
    {
      name: session.cookieName,
      value: session.cookieValue,
      url: session.origin,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  await page.goto(session.pageUrl);
};
