// The HQ view signs in with an HQ account against the real sync service: the address defaults
// to the till's own sync address, a wrong password and a lockout come back in words, and the
// session (never the admin token) is what the till keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  uniqueTopic,
  type TestDatabase,
} from '../../../../build/test/serviceEnv';
import { createHqAdmin, HQ_ADMIN } from '../../../../build/test/hqAccount';
import { OWNER_PIN, openTestCore, type TestCore } from '../../../test/testSupport';
import {
  createStoreAndTill,
  freePort,
  startSyncService,
  type RunningSyncService,
} from '../../../test/sync/syncServiceProcess';

let database: TestDatabase;
let service: RunningSyncService | null = null;
let till: TestCore | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  service = await startSyncService({
    databaseUrl: database.url,
    eventsTopic: uniqueTopic('hq-login.events'),
    dlqTopic: uniqueTopic('hq-login.dlq'),
    consumerGroup: uniqueTopic('hq-login.group'),
    port: await freePort(),
  });
  await createHqAdmin(database.url);
  till = await openTestCore();
  const hq = await createStoreAndTill(service.url, 'Corner Shop');
  await till.call('sync-enroll', { url: service.url, code: hq.code });
}, 180_000);

afterAll(async () => {
  till?.close();
  await service?.stop();
  await database?.drop();
});

describe('HQ view sign-in with an HQ account', () => {
  it('signs in at the till’s own sync address and forgets the session on disconnect', async () => {
    const t = till!;
    const connected = await t.call('dashboard-hq-connect', {
      email: HQ_ADMIN.email,
      password: HQ_ADMIN.password,
    });
    expect(connected).toEqual({ hqUrl: service!.url, stores: 1, email: HQ_ADMIN.email });
    // The chain's figures come with the session cookie (no admin token anywhere on the till).
    const chain = await t.call('dashboard-hq', { from: '2026-01-01', to: '2026-01-31' });
    expect(chain.hqUrl).toBe(service!.url);
    expect(chain.stores.map((s) => s.label)).toEqual(['Corner Shop']);
    await t.call('dashboard-hq-disconnect', {});
    const after = await t.fail('dashboard-hq', { from: '2026-01-01', to: '2026-01-31' });
    expect(after.code).toBe('UNAUTHENTICATED');
    expect(after.message).toMatch(/HQ email and password/);
  });

  it('forgets the HQ sign-in when the owner signs out of the till', async () => {
    const t = till!;
    const me = await t.call('auth-current', {});
    await t.call('dashboard-hq-connect', { email: HQ_ADMIN.email, password: HQ_ADMIN.password });
    await t.call('auth-logout', {});
    await t.call('auth-login', { userId: me!.user.id, pin: OWNER_PIN });
    const after = await t.fail('dashboard-hq', { from: '2026-01-01', to: '2026-01-31' });
    expect(after.code).toBe('UNAUTHENTICATED');
  });

  it('says a wrong password and a lockout in words', async () => {
    const t = till!;
    const wrong = await t.fail('dashboard-hq-connect', {
      email: HQ_ADMIN.email,
      password: 'not the password',
    });
    expect(wrong).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'HQ did not accept that email and password.',
      details: { reason: 'LOGIN_FAILED' },
    });
    let locked = wrong;
    for (let i = 0; i < 6 && locked.code !== 'FORBIDDEN'; i++)
      locked = await t.fail('dashboard-hq-connect', {
        email: HQ_ADMIN.email,
        password: 'still not the password',
      });
    expect(locked.code).toBe('FORBIDDEN');
    expect(locked.details).toEqual({ reason: 'LOCKED_OUT' });
    expect(locked.message).toMatch(/Too many wrong passwords: HQ has locked this account for/);
  });

  it('refuses plain http to another machine for a password too', async () => {
    const refused = await till!.fail('dashboard-hq-connect', {
      hqUrl: 'http://10.1.2.3:8787',
      email: HQ_ADMIN.email,
      password: HQ_ADMIN.password,
    });
    expect(refused.details).toMatchObject({ reason: 'INSECURE_URL' });
  });
});
