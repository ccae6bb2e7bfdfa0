// The browser host under bad input: arbitrary bodies and methods over real HTTP against the real
// till core. Every answer is a Result with a known code; nothing malformed reaches INTERNAL.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../shared/api/inputs';
import { ERROR_CODES } from '../../shared/result';
import { inputFor, isValidInput, ONLY_INVALID } from '../test/badInputArbitraries';
import { redeemLaunchUrl } from '../../build/test/tillLaunch';
import { startBrowserHost, type BrowserHost } from './browserHost';

const LIMIT = 64 * 1024;
let root = '';
let host: BrowserHost;
let sessionCookie = '';

const post = (
  name: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${encodeURIComponent(name)}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: sessionCookie, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const expectResult = (text: string): { ok: boolean; error?: { code: string; message: string } } => {
  const r = JSON.parse(text) as { ok: boolean; error?: { code: string; message: string } };
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(ERROR_CODES).toContain(r.error!.code);
    expect(r.error!.code).not.toBe('INTERNAL');
  }
  return r;
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pos-host-bad-'));
  const distDir = path.join(root, 'dist');
  mkdirSync(distDir, { recursive: true });
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>POS</title>');
  host = await startBrowserHost({
    port: 0,
    dataDir: path.join(root, 'data'),
    distDir,
    demo: false,
    bodyLimitBytes: LIMIT,
    log: () => undefined,
  });
  sessionCookie = (await redeemLaunchUrl(host.url)).cookieHeader;
  const init = await post(
    'setup-init',
    JSON.stringify({
      storeName: 'Host Fuzz',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Olga',
      ownerPin: '123456',
      demo: false,
    }),
  );
  expect(JSON.parse(init.body)).toMatchObject({ ok: true });
});

afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('browser host bad input', () => {
  it('answers raw garbage bodies with 400 VALIDATION (not JSON) or a Result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...API_METHODS),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        ),
        async (method, body) => {
          fc.pre(!ONLY_INVALID.has(method));
          const res = await post(method, body);
          expect([200, 400]).toContain(res.status);
          const r = expectResult(res.body);
          if (res.status === 400) expect(r.error?.code).toBe('VALIDATION');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers every method with arbitrary JSON through HTTP with a known code', async () => {
    const call = fc
      .constantFrom(...API_METHODS)
      .chain((m) => fc.tuple(fc.constant(m), inputFor(m)));
    await fc.assert(
      fc.asyncProperty(call, async ([method, input]) => {
        const text = JSON.stringify(input);
        fc.pre(text !== undefined && Buffer.byteLength(text) < LIMIT);
        // Judged on what goes over the wire: JSON drops undefined members ({"": undefined} is {}).
        const valid = isValidInput(method as ApiMethod, JSON.parse(text) as unknown);
        fc.pre(!(valid && ONLY_INVALID.has(method as ApiMethod)) && method !== 'auth-logout');
        const res = await post(method, text);
        expect(res.status).toBe(200);
        const r = expectResult(res.body);
        if (!valid) expect(r.error?.code).toBe('VALIDATION');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses unknown methods, wrong sessions and oversized bodies with their codes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }), async (name) => {
        fc.pre(!(API_METHODS as string[]).includes(name));
        const res = await post(name, '{}');
        expect([404]).toContain(res.status);
        expect(JSON.parse(res.body)).toMatchObject({
          ok: false,
          error: { code: 'UNKNOWN_METHOD' },
        });
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (token) => {
        fc.pre(/^[\x21-\x3a\x3c-\x7e]*$/.test(token));
        const res = await post('setup-status', '{}', {
          Cookie: `pos_session_${host.port}=${token}`,
        });
        expect(res.status).toBe(401);
        expect(JSON.parse(res.body)).toMatchObject({
          ok: false,
          error: { code: 'UNAUTHENTICATED' },
        });
      }),
      { numRuns: 40 },
    );
    const big = await post('catalog-search', JSON.stringify({ query: 'x'.repeat(LIMIT) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

// Issue 11: control characters and lone surrogates arrive over HTTP as JSON escapes; each typed
// text carrying one is refused with VALIDATION, the shop carries on.
describe('browser host text no hop can store', () => {
  it('refuses NUL, other controls and lone surrogates in typed text with VALIDATION', async () => {
    const product = {
      sku: 'HOST-NUL',
      barcodes: [],
      name: 'Mug',
      category: '',
      subCategory: '',
      unitPrice: 100,
      taxRateBp: 0,
      reorderLevel: 0,
      leadTimeDays: 0,
      active: true,
    };
    for (const escape of ['\\u0000', '\\u0007', '\\u007f', '\\ud800']) {
      const bodies: Array<[ApiMethod, string]> = [
        ['catalog-upsert', JSON.stringify({ product }).replace('"Mug"', `"Mug${escape}"`)],
        ['settings-update', `{"receiptHeader":"Hi${escape}"}`],
        ['catalog-search', `{"query":"m${escape}"}`],
      ];
      for (const [method, body] of bodies) {
        const res = await post(method, body);
        expect(res.status).toBe(200);
        const r = expectResult(res.body);
        expect(r, `${method} ${body}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(r.error?.message).toMatch(/control characters/);
      }
    }
    // The host carries on (a call that needs no session: the fuzz above may have signed out).
    expect(expectResult((await post('setup-status', '{}')).body).ok).toBe(true);
  });
});
