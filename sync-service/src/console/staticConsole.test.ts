// The console web app's static serving: CSP and other headers, client-side routes, cached
// hashed assets, no way out of the folder, and a plain page when the app is not built.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../http/server';
import { createLogger } from '../ops/logger';
import { createMetricsRegistry } from '../ops/metrics';
import { CONSOLE_CSP, registerStaticConsole } from './staticConsole';

const dirs: string[] = [];
const appWith = async (files: Record<string, string> | null) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-static-'));
  dirs.push(dir);
  const root = path.join(dir, 'dist-console');
  if (files) {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  }
  writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  const app = buildHttpServer({
    logger: createLogger('error', {}, () => undefined),
    metrics: createMetricsRegistry(),
  });
  await registerStaticConsole(app, root);
  return app;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('static console', () => {
  it('serves the app page and assets with a strict CSP', async () => {
    const app = await appWith({
      'console.html': '<!doctype html><title>HQ</title>',
      'assets/app-1a2b.js': 'console.log(1)',
    });
    const page = await app.inject({ url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>HQ</title>');
    expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const asset = await app.inject({ url: '/console/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect(asset.headers['content-security-policy']).toBe(CONSOLE_CSP);

    const route = await app.inject({ url: '/console/stores/store-1' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>HQ</title>');
    expect((await app.inject({ url: '/console/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/console/../secret.txt' })).body).not.toContain('outside');
    expect((await app.inject({ url: '/console/%2e%2e/secret.txt' })).body).not.toContain('outside');
    const bare = await app.inject({ url: '/console' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/console/');
    const root = await app.inject({ url: '/' });
    expect(root.headers.location).toBe('/console/');
    await app.close();
  });

  it('falls back to index.html, and says how to build when nothing is built', async () => {
    const vite = await appWith({ 'index.html': '<!doctype html><title>Vite</title>' });
    expect((await vite.inject({ url: '/console/' })).body).toContain('Vite');
    await vite.close();
    const none = await appWith(null);
    const page = await none.inject({ url: '/console/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build:console');
    expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
    await none.close();
  });
});
