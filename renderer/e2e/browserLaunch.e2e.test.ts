// Browser mode's launch flow in real Chromium against the real host and till core: the printed
// launch URL is redeemed once for an HttpOnly SameSite=Strict cookie and a clean URL, the page
// never carries a secret, a second browser with the same link is refused, and a page of another
// local origin cannot drive the till's API with the cookie (CSRF).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../build/test/launchChromium';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browserHost';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

describe('browser mode launch link (Chromium)', () => {
  let dataDir = '';
  let host: BrowserHost;
  let browser: Browser;
  let attacker: Server;
  let attackerOrigin = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pos-e2e-launch-'));
    host = await startBrowserHost({
      port: 0,
      dataDir,
      distDir: DIST,
      demo: false,
      log: () => undefined,
    });
    browser = await launchChromium();
    // Another local web page (a different port is the same site for cookies): it tries to set the
    // store up through the till's API with the browser's cookie.
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><script>
        fetch('http://127.0.0.1:${host.port}/api/setup-init', {
          method: 'POST', mode: 'no-cors', credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({ storeName: 'Hijacked', currency: 'INR', locale: 'en-IN',
            timeZone: 'Asia/Kolkata', taxMode: 'inclusive', ownerName: 'Mallory',
            ownerPin: '999999', demo: false }),
        }).finally(() => { document.title = 'sent'; });
      </script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => attacker?.close(() => resolve()));
    await host?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens once, on a clean URL, with an HttpOnly cookie and no secret in the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`);
    await page.getByTestId('setup-form').waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: `pos_session_${host.port}`,
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const html = await page.content();
    expect(html).not.toContain(host.token);
    expect(html).not.toContain(cookie!.value);
    // The UI's own API calls go through by the cookie alone.
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/setup-status', { method: 'POST', body: '{}' });
      return { status: r.status, body: (await r.json()) as unknown };
    });
    expect(status).toMatchObject({ status: 200, body: { ok: true } });

    // A page of another local origin, in the browser that holds the cookie, gets nothing done.
    const evil = await context.newPage();
    await evil.goto(attackerOrigin);
    await expect.poll(() => evil.title()).toBe('sent');
    const after = await page.evaluate(async () => {
      const r = await fetch('/api/setup-status', { method: 'POST', body: '{}' });
      return (await r.json()) as { ok: boolean; value?: { initialised: boolean } };
    });
    expect(after).toMatchObject({ ok: true, value: { initialised: false } });

    // Reloading the launch URL in the same browser just lands on the till again.
    await page.goto(host.url);
    expect(page.url()).toBe(`http://127.0.0.1:${host.port}/`);
    await page.getByTestId('setup-form').waitFor();
    await context.close();
  });

  it('refuses the used launch link in another browser, and its API calls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(host.url);
    expect(response?.status()).toBe(401);
    await expect.poll(() => page.textContent('body')).toContain('already used');
    expect(await context.cookies()).toEqual([]);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/setup-status', { method: 'POST', body: '{}' });
      return r.status;
    });
    expect(api).toBe(401);
    const plain = await page.goto(`http://127.0.0.1:${host.port}/`);
    expect(plain?.status()).toBe(401);
    expect(await page.content()).not.toContain(host.token);
    await context.close();
  });
});
