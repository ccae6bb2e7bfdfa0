// Issue 11, the whole pipeline: wrong PINs typed at a real till core (SQLite outbox, relay) go
// through the real gateway, Kafka and the warehouse consumer into Postgres, and HQ's console
// API lists them with store, till, user, time and the run of failures; analysts may not read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillCore } from '../../electron/core/tillCore';
import type { PinFailuresResponse } from '../../shared/console/consoleApi';
import type { TestConsole } from '../../sync-service/test/consoleTestKit';
import {
  must,
  OWNER_PIN,
  startEnrolledTill,
  waitForConsoleItems,
  type EnrolledTill,
} from './tillToHqKit';

let setup: EnrolledTill;
let hq: TestConsole;
let till: TillCore;
let tillId = '';

beforeAll(async () => {
  setup = await startEnrolledTill('pin-failures', 'store-pins');
  ({ hq, till, tillId } = setup);
});

afterAll(async () => {
  await setup?.dispose();
});

describe('wrong PINs at a till reach the HQ console', () => {
  it('lists sign-in and owner-PIN failures with store, till, user and count', async () => {
    const owner = (await must(till.dispatch('users-list', {})))[0]!;
    const cashier = await must(
      till.dispatch('users-create', { name: 'Cass', role: 'cashier', pin: '5555' }),
    );
    await must(till.dispatch('auth-logout', {}));
    // Three wrong PINs for the cashier (the third locks), one right one for the owner.
    for (let i = 0; i < 3; i++) {
      const r = await till.dispatch('auth-login', { userId: cashier.id, pin: '0000' });
      expect(r.ok).toBe(false);
    }
    await must(till.dispatch('auth-login', { userId: owner.id, pin: OWNER_PIN }));
    // A second cashier, signed in, tries an owner PIN to approve adding a user.
    const cid = await must(
      till.dispatch('users-create', { name: 'Cid', role: 'cashier', pin: '6666' }),
    );
    await must(till.dispatch('auth-login', { userId: cid.id, pin: '6666' }));
    const guessed = await till.dispatch('users-create', {
      name: 'Mallory',
      role: 'cashier',
      pin: '7777',
      ownerPin: '000000',
    });
    expect(guessed.ok === false && guessed.error.code).toBe('BAD_PIN');

    const items = await waitForConsoleItems<PinFailuresResponse['items'][number]>(
      hq,
      '/v1/console/security/pin-failures',
      4,
    );
    const [ownerPinTry, ...logins] = items;
    expect(ownerPinTry).toMatchObject({
      attempt: 'owner_pin',
      userId: null,
      signedInUserId: cid.id,
      failures: 1,
      lockedUntil: null,
    });
    expect(
      logins.map((f) => [
        f.storeId,
        f.storeName,
        f.tillId,
        f.attempt,
        f.userId,
        f.userName,
        f.failures,
      ]),
    ).toEqual(
      [3, 2, 1].map((n) => ['store-pins', 'Leipzig Mitte', tillId, 'login', cashier.id, 'Cass', n]),
    );
    expect(logins[0]!.tillName).toBe('Till 1');
    expect(logins[0]!.lockedUntil).toBeGreaterThan(logins[0]!.occurredAt);
    expect(logins[2]!.lockedUntil).toBeNull();
    expect(logins[0]!.occurredAt).toBeGreaterThan(Date.now() - 120_000);

    // The list is operations data: an analyst may not read it, nobody signed out may.
    const analyst = await hq.as('analyst');
    expect((await analyst.call('GET', '/v1/console/security/pin-failures')).status).toBe(403);
    expect((await fetch(`${hq.url}/v1/console/security/pin-failures`)).status).toBe(401);
  });
});
