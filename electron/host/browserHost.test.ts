// Real HTTP on an ephemeral port against the real till core (fresh data dir per test file).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeemLaunchUrl, type TillSession } from '../../build/test/tillLaunch';
import { startBrowserHost, type BrowserHost } from './browserHost';
import { cleanLocation } from './hostSession';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const call = (
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    hostAddress?: string;
  },
): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.hostAddress ?? '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });

const LIMIT = 4096;
let root = '';
let host: BrowserHost;
let session: TillSession;

const api = (method: string, body: string, headers: Record<string, string> = {}): Promise<Reply> =>
  call(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Cookie: session.cookieHeader, ...headers },
    body,
  });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pos-host-'));
  const distDir = path.join(root, 'dist');
  mkdirSync(path.join(distDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(distDir, 'index.html'),
    '<!doctype html><html><head><title>POS</title></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(distDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  host = await startBrowserHost({
    port: 0,
    dataDir: path.join(root, 'data'),
    distDir,
    demo: false,
    bodyLimitBytes: LIMIT,
    log: () => undefined,
  });
  session = await redeemLaunchUrl(host.url);
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser host', () => {
  it('reports a loopback URL carrying the token', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('round-trips a valid call to the till core', async () => {
    const reply = await api('setup-status', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { initialised: false } });
  });

  it('passes validation errors of the core through as a Result', async () => {
    const reply = await api('auth-login', JSON.stringify({ userId: 'u', pin: 'abc' }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers 401 to API calls without the session cookie or with a wrong one', async () => {
    const none = await call(host.port, { method: 'POST', path: '/api/setup-status', body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const wrong = await api('setup-status', '{}', { Cookie: `${session.cookieHeader}x` });
    expect(wrong.status).toBe(401);
    // The launch token is not an API credential, as a header or as the cookie's value.
    const header = await call(host.port, {
      method: 'POST',
      path: '/api/setup-status',
      headers: { 'X-Pos-Token': host.token },
      body: '{}',
    });
    expect(header.status).toBe(401);
    const asCookie = await api('setup-status', '{}', {
      Cookie: `${session.cookieName}=${host.token}`,
    });
    expect(asCookie.status).toBe(401);
  });

  it('redeemed the launch URL for an HttpOnly SameSite=Strict cookie and a clean URL', () => {
    expect(session.pageUrl).toBe(`http://127.0.0.1:${host.port}/`);
    expect(session.cookieName).toBe(`pos_session_${host.port}`);
    expect(session.cookieValue).not.toBe(host.token);
    expect(session.cookieValue).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts the launch token once: a second use without the session is refused', async () => {
    const again = await call(host.port, { path: `/?token=${host.token}` });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already used');
    expect(again.body).not.toContain(host.token);
    expect(again.body).not.toContain(session.cookieValue);
    const wrong = await call(host.port, { path: '/?token=guess' });
    expect(wrong.status).toBe(401);
  });

  it('redirects a reload of the launch URL in the browser that holds the session', async () => {
    const reload = await call(host.port, {
      path: `/?token=${host.token}`,
      headers: { Cookie: session.cookieHeader },
    });
    expect(reload.status).toBe(303);
    expect(reload.headers.location).toBe('/');
    expect(reload.headers['set-cookie']).toBeUndefined();
  });

  it('gives a GET / without the session a 401 page with neither secret in it', async () => {
    const withoutSession: Record<string, string>[] = [{}, { Cookie: `${session.cookieName}=nope` }];
    for (const headers of withoutSession) {
      const page = await call(host.port, { path: '/', headers });
      expect(page.status).toBe(401);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).not.toContain(host.token);
      expect(page.body).not.toContain(session.cookieValue);
      expect(page.body).toContain('link it printed');
    }
  });

  it('refuses API calls another page sends with the cookie (CSRF): 403 FORBIDDEN', async () => {
    const foreign = await api('setup-status', '{}', { Origin: 'http://127.0.0.1:1' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const crossSite = await api('setup-status', '{}', { 'Sec-Fetch-Site': 'same-site' });
    expect(crossSite.status).toBe(403);
    const own = await api('setup-status', '{}', {
      Origin: `http://127.0.0.1:${host.port}`,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  it('redirects only to a plain path of its own (no open redirect)', () => {
    expect(cleanLocation('/')).toBe('/');
    expect(cleanLocation('/checkout')).toBe('/checkout');
    expect(cleanLocation('//evil.example/')).toBe('/');
    expect(cleanLocation('/\\evil.example')).toBe('/');
    expect(cleanLocation('/a/../b')).toBe('/');
  });

  it('answers 403 to a foreign Host header, even with the token (DNS rebinding)', async () => {
    const reply = await api('setup-status', '{}', { Host: `evil.example:${host.port}` });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const page = await call(host.port, {
      path: '/',
      headers: { Host: `attacker.test:${host.port}` },
    });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(host.token);
    const localhost = await api('setup-status', '{}', { Host: `localhost:${host.port}` });
    expect(localhost.status).toBe(200);
  });

  it('answers 404 UNKNOWN_METHOD to an unknown method', async () => {
    const reply = await api('drawer-open', '{}');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const reply = await api('setup-status', '{"oops"');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ csv: 'x'.repeat(LIMIT), kind: 'catalog' });
    const declared = await api('catalog-import-preview', big);
    expect(declared.status).toBe(413);
    const streamed = await api('catalog-import-preview', big, { 'Transfer-Encoding': 'chunked' });
    expect(streamed.status).toBe(413);
  });

  it('answers browser-mode sale-print without printing, after validating', async () => {
    const bad = await api('sale-print', '{}');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await api('sale-print', JSON.stringify({ eventId: 'no-such-sale' }));
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false });
  });

  it('serves index.html to the session without any secret, with the CSP, uncached', async () => {
    const page = await call(host.port, { path: '/', headers: { Cookie: session.cookieHeader } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).not.toContain(host.token);
    expect(page.body).not.toContain(session.cookieValue);
    expect(page.body).not.toContain('pos-token');
    expect(page.body).toContain('http-equiv="Content-Security-Policy"');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content type and nothing outside the dist directory', async () => {
    const asset = await call(host.port, { path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await call(host.port, { path: '/assets/missing.js' })).status).toBe(404);
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await call(host.port, { path: escape });
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('binds 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal);
    if (external) {
      await expect(
        call(host.port, { path: '/', hostAddress: external.address }),
      ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
    await expect(call(host.port, { path: '/', hostAddress: '::1' })).rejects.toBeTruthy();
  });
});

describe('browser host launch token', () => {
  it('is not spent by a HEAD (link previews), only by the first GET', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-host-head-'));
    const distDir = path.join(dir, 'dist');
    mkdirSync(distDir, { recursive: true });
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>POS</title>');
    const fresh = await startBrowserHost({
      port: 0,
      dataDir: path.join(dir, 'data'),
      distDir,
      demo: false,
      log: () => undefined,
    });
    try {
      const head = await call(fresh.port, { method: 'HEAD', path: `/?token=${fresh.token}` });
      expect(head.status).toBe(401);
      expect(head.headers['set-cookie']).toBeUndefined();
      const first = await redeemLaunchUrl(fresh.url);
      expect(first.cookieName).toBe(`pos_session_${fresh.port}`);
      await expect(redeemLaunchUrl(fresh.url)).rejects.toThrow(/HTTP 401/);
    } finally {
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
