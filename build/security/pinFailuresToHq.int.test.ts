// Issue 11, the whole pipeline: wrong PINs typed at a real till core (SQLite outbox, relay) go
// through the real gateway, Kafka and the warehouse consumer into Postgres, and HQ's console
// API lists them with store, till, user, time and the run of failures; analysts may not read it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PinFailuresResponse } from '../../shared/console/consoleApi';
import { openTillCore, type TillCore } from '../../electron/core/tillCore';
import { startTestConsole, type TestConsole } from '../../sync-service/test/consoleTestKit';

const OWNER_PIN = '123456';
let hq: TestConsole;
let till: TillCore;
let dir = '';

const must = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) => {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

beforeAll(async () => {
  hq = await startTestConsole('pin-failures', {}, ['gateway', 'consumer', 'console']);
  dir = mkdtempSync(join(tmpdir(), 'till-pin-failures-int-'));
  till = openTillCore({
    dataDir: dir,
    log: () => {},
    sync: {
      autoStart: true,
      relay: { backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 }, idlePollMs: 200 },
    },
  });
});

afterAll(async () => {
  till?.close();
  await till?.closed();
  await hq?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('wrong PINs at a till reach the HQ console', () => {
  it('lists sign-in and owner-PIN failures with store, till, user and count', async () => {
    await must(
      till.dispatch('setup-init', {
        storeName: 'Corner Shop',
        currency: 'EUR',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
        taxMode: 'inclusive',
        ownerName: 'Olga Owner',
        ownerPin: OWNER_PIN,
        demo: false,
      }),
    );
    const store = await hq.admin('POST', '/v1/admin/stores', {
      storeId: 'store-pins',
      name: 'Leipzig Mitte',
      city: 'Leipzig',
      region: 'Saxony',
      country: 'DE',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
    expect(store.status).toBe(201);
    const made = (await (
      await hq.admin('POST', '/v1/admin/stores/store-pins/tills', { name: 'Till 1' })
    ).json()) as { tillId: string; enrollmentCode: string };
    await must(till.dispatch('sync-enroll', { url: hq.url, code: made.enrollmentCode }));

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

    const manager = await hq.as('manager');
    let items: PinFailuresResponse['items'] = [];
    const deadline = Date.now() + 60_000;
    while (items.length < 4) {
      if (Date.now() > deadline) throw new Error(`only ${items.length} PIN failures reached HQ`);
      await new Promise((r) => setTimeout(r, 200));
      const res = await manager.call('GET', '/v1/console/security/pin-failures');
      expect(res.status).toBe(200);
      items = ((await res.json()) as PinFailuresResponse).items;
    }
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
      [3, 2, 1].map((n) => [
        'store-pins',
        'Leipzig Mitte',
        made.tillId,
        'login',
        cashier.id,
        'Cass',
        n,
      ]),
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
