// HQ console sign-in, sessions, CSRF and roles against the real Postgres and a listening service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../shared/console/consoleApi';
import {
  sessionCookieOf,
  startTestConsole,
  TEST_PASSWORD,
  type TestConsole,
} from '../../test/consoleTestKit';

describe('console sessions', () => {
  let hq: TestConsole;
  beforeAll(async () => {
    hq = await startTestConsole('console-auth', { trustProxy: true });
  });
  afterAll(async () => {
    await hq?.dispose();
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie, Secure only under https', async () => {
    await hq.createAccount('Flags@Example.com', 'manager');
    const plain = await hq.login('flags@example.com');
    expect(plain.status).toBe(200);
    const cookie = plain.headers.getSetCookie().find((c) => c.startsWith('hq_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);

    const https = await fetch(`${hq.url}/v1/console/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: 'FLAGS@example.com', password: TEST_PASSWORD }),
    });
    expect(https.status).toBe(200);
    const secure = https.headers.getSetCookie().find((c) => c.startsWith('hq_session='));
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/HttpOnly/i);

    const session = await fetch(`${hq.url}/v1/console/session`, {
      headers: { cookie: sessionCookieOf(plain) ?? '' },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      user: { email: 'flags@example.com', role: 'manager' },
    });
  });

  it('answers one LOGIN_FAILED for unknown email and wrong password', async () => {
    await hq.createAccount('known@example.com', 'analyst');
    const unknown = await hq.login('nobody@example.com');
    const wrong = await hq.login('known@example.com', 'not the password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(sessionCookieOf(wrong)).toBeNull();
    const bad = await fetch(`${hq.url}/v1/console/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email' }),
    });
    expect(bad.status).toBe(400);
  });

  it('locks an account out after 5 wrong passwords, even for the right one', async () => {
    await hq.createAccount('victim@example.com', 'admin');
    for (let i = 0; i < 4; i++)
      expect((await hq.login('victim@example.com', 'wrong password!')).status).toBe(401);
    const fifth = await hq.login('victim@example.com', 'wrong password!');
    expect(fifth.status).toBe(429);
    expect(await fifth.json()).toMatchObject({ code: 'LOCKED_OUT' });
    const right = await hq.login('victim@example.com');
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
    // An admin clears the lockout.
    const admin = await hq.as('admin');
    const accounts = (await (await admin.call('GET', '/v1/console/accounts')).json()) as {
      accounts: { userId: string; email: string; lockedUntil: number | null }[];
    };
    const victim = accounts.accounts.find((a) => a.email === 'victim@example.com');
    expect(victim?.lockedUntil).toBeGreaterThan(Date.now());
    const unlock = await admin.call('PATCH', `/v1/console/accounts/${victim?.userId}`, {
      unlock: true,
    });
    expect(unlock.status).toBe(200);
    expect((await hq.login('victim@example.com')).status).toBe(200);
  });

  it('limits failed logins per client address across accounts', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9', 'content-type': 'application/json' };
    const attempt = (n: number) =>
      fetch(`${hq.url}/v1/console/auth/login`, {
        method: 'POST',
        headers: from,
        body: JSON.stringify({ email: `guess${n}@example.com`, password: 'guessing-guess' }),
      });
    for (let i = 0; i < 20; i++) expect((await attempt(i)).status).toBe(401);
    const blocked = await attempt(99);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ code: 'LOCKED_OUT' });
  });

  it('refuses writes without the CSRF token and reads without a session', async () => {
    const admin = await hq.as('admin');
    const noCsrf = await admin.call('POST', '/v1/console/auth/logout', undefined, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(await noCsrf.json()).toMatchObject({ code: 'CSRF_REJECTED' });
    const wrongCsrf = await admin.call('POST', '/v1/console/auth/logout', undefined, {
      csrf: false,
      headers: { [CSRF_HEADER]: 'x'.repeat(32) },
    });
    expect(wrongCsrf.status).toBe(403);
    const anonymous = await fetch(`${hq.url}/v1/console/session`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await fetch(`${hq.url}/v1/console/session`, {
      headers: { cookie: 'hq_session=forged-value' },
    });
    expect(forged.status).toBe(401);
  });

  it('keeps accounts and the audit log from analysts and managers', async () => {
    const analyst = await hq.as('analyst');
    expect((await analyst.call('GET', '/v1/console/accounts')).status).toBe(403);
    const manager = await hq.as('manager');
    const create = await manager.call('POST', '/v1/console/accounts', {
      email: 'new@example.com',
      name: 'New',
      role: 'admin',
      password: TEST_PASSWORD,
    });
    expect(create.status).toBe(403);
    expect(await create.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('logs out everywhere and ends every session of that person', async () => {
    await hq.createAccount('twice@example.com', 'manager');
    const laptop = await hq.signIn('twice@example.com');
    const tablet = await hq.signIn('twice@example.com');
    expect((await tablet.call('GET', '/v1/console/session')).status).toBe(200);
    expect((await laptop.call('POST', '/v1/console/auth/logout-everywhere')).status).toBe(204);
    expect((await tablet.call('GET', '/v1/console/session')).status).toBe(401);
    expect((await laptop.call('GET', '/v1/console/session')).status).toBe(401);
    const single = await hq.signIn('twice@example.com');
    expect((await single.call('POST', '/v1/console/auth/logout')).status).toBe(204);
    expect((await single.call('GET', '/v1/console/session')).status).toBe(401);
  });

  it('changes a password: other sessions end, the old password stops working', async () => {
    await hq.createAccount('change@example.com', 'analyst');
    const here = await hq.signIn('change@example.com');
    const there = await hq.signIn('change@example.com');
    const wrong = await here.call('POST', '/v1/console/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    const changed = await here.call('POST', '/v1/console/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect((await here.call('GET', '/v1/console/session')).status).toBe(200);
    expect((await there.call('GET', '/v1/console/session')).status).toBe(401);
    expect((await hq.login('change@example.com')).status).toBe(401);
    expect((await hq.login('change@example.com', 'a brand new password')).status).toBe(200);
  });

  it('stores scrypt hashes and session digests, never the secrets', async () => {
    const client = await hq.as('admin', 'hashes@example.com');
    const { rows } = await hq.service.pool.query<{ password_hash: string }>(
      `SELECT password_hash FROM hq_accounts WHERE email = 'hashes@example.com'`,
    );
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(rows[0]?.password_hash).not.toContain(TEST_PASSWORD);
    const token = client.cookie.split('=')[1] ?? '';
    const { rows: found } = await hq.service.pool.query(
      `SELECT 1 FROM hq_sessions WHERE session_hash = $1::bytea OR encode(session_hash, 'escape') = $2`,
      [Buffer.from(token), token],
    );
    expect(found).toHaveLength(0);
  });

  it('accepts no till token on console routes', async () => {
    const { token } = await hq.enrollTill();
    for (const [method, path] of [
      ['GET', '/v1/console/session'],
      ['GET', '/v1/console/accounts'],
      ['POST', '/v1/console/auth/logout'],
    ] as const) {
      const res = await fetch(`${hq.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, path).toBe(401);
    }
  });
});
