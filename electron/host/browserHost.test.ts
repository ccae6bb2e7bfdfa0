// Real HTTP on an ephemeral port against the real till core (fresh data dir per test file).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from './browserHost';

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

const api = (method: string, body: string, headers: Record<string, string> = {}): Promise<Reply> =>
  call(host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Pos-Token': host.token, ...headers },
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

  it('answers 401 without the token or with a wrong one', async () => {
    const none = await call(host.port, { method: 'POST', path: '/api/setup-status', body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const wrong = await api('setup-status', '{}', { 'X-Pos-Token': `${host.token}x` });
    expect(wrong.status).toBe(401);
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

  it('serves index.html with the token meta, the CSP and hardening headers, uncached', async () => {
    const page = await call(host.port, { path: '/?token=ignored' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`<meta name="pos-token" content="${host.token}">`);
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
