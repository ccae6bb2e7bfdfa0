import { describe, expect, it } from 'vitest';
import { createConsoleClient, endsSession, errorOf, errorWords, withQuery } from './consoleClient';

const answer = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status });

describe('console client', () => {
  it('turns a { code, message } answer into a typed error and guesses a code from the status', () => {
    expect(errorOf(409, { code: 'CONFLICT', message: 'code taken' })).toMatchObject({
      code: 'CONFLICT',
      message: 'code taken',
      status: 409,
    });
    expect(errorOf(403, 'nope').code).toBe('FORBIDDEN');
    expect(errorOf(502, null).code).toBe('SERVER_ERROR');
    expect(errorOf(429, null).code).toBe('LOCKED_OUT');
    expect(errorOf(418, null).code).toBe('BAD_ANSWER');
  });
  it('ends the session only on 401 UNAUTHENTICATED, not on a failed login', () => {
    expect(endsSession(errorOf(401, { code: 'UNAUTHENTICATED', message: '' }))).toBe(true);
    expect(endsSession(errorOf(401, { code: 'LOGIN_FAILED', message: '' }))).toBe(false);
    expect(errorWords(errorOf(401, { code: 'LOGIN_FAILED', message: 'x' }))).toMatch(
      /wrong email or password/i,
    );
    expect(errorWords(errorOf(429, { code: 'LOCKED_OUT', message: 'x' }))).toMatch(/locked/i);
    expect(errorWords(errorOf(409, { code: 'CONFLICT', message: 'code taken' }))).toBe(
      'code taken',
    );
  });
  it('sends the CSRF token on writes only, same-origin, and reports a 401 once', async () => {
    const seen: { method: string; headers: Record<string, string>; credentials?: string }[] = [];
    let ended = 0;
    const replies = [
      answer(200, { ok: 1 }),
      answer(201, { id: 'a' }),
      answer(401, { code: 'UNAUTHENTICATED', message: 'expired' }),
    ];
    const client = createConsoleClient({
      csrfToken: () => 'tok',
      onUnauthenticated: () => ended++,
      fetchFn: async (_url, init) => {
        seen.push({
          method: init?.method ?? 'GET',
          headers: init?.headers as Record<string, string>,
          credentials: init?.credentials,
        });
        return replies.shift()!;
      },
    });
    expect(await client.get('/v1/console/stores')).toEqual({ ok: true, value: { ok: 1 } });
    expect(await client.send('POST', '/v1/console/stores', { name: 'x' })).toEqual({
      ok: true,
      value: { id: 'a' },
    });
    const r = await client.get('/v1/console/session');
    expect(r.ok).toBe(false);
    expect(ended).toBe(1);
    expect(seen[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(seen[1]!.headers['x-csrf-token']).toBe('tok');
    expect(seen[1]!.headers['content-type']).toBe('application/json');
    expect(seen.every((s) => s.credentials === 'same-origin')).toBe(true);
  });
  it('says NETWORK when HQ does not answer, and reads a 204 as null', async () => {
    const down = createConsoleClient({
      csrfToken: () => null,
      onUnauthenticated: () => {},
      fetchFn: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const r = await down.get('/x');
    expect(r.ok ? null : r.error.code).toBe('NETWORK');
    const empty = createConsoleClient({
      csrfToken: () => 't',
      onUnauthenticated: () => {},
      fetchFn: async () => new Response(null, { status: 204 }),
    });
    expect(await empty.send('POST', '/v1/console/auth/logout')).toEqual({ ok: true, value: null });
  });
  it('builds query strings without empty values', () => {
    expect(withQuery('/p', { q: '', page: 2, before: undefined, s: 'a b' })).toBe(
      '/p?page=2&s=a+b',
    );
    expect(withQuery('/p')).toBe('/p');
  });
});
