// PIN guessing at a till is bounded (issue 11): growing lockouts per user, for the owner PIN and
// for unknown ids, kept across a restart, each failure an outbox event HQ sees; new owners need
// 6-digit PINs; the sign-in list before sign-in shows only active users.
import { afterEach, describe, expect, it } from 'vitest';
import { openTillCore } from '../tillCore';
import { openTestCore, OWNER_PIN, type TestCore } from '../../test/testSupport';
import { lockMsAfter } from './pinLockout';

let t: TestCore;
let now = Date.UTC(2026, 0, 5, 10);
afterEach(() => t.close());

const pinEvents = (core: TestCore['core']) =>
  (
    core.db.prepare("SELECT body FROM outbox WHERE type = 'pin_failed' ORDER BY seq").all() as {
      body: string;
    }[]
  ).map(
    (r) =>
      (
        JSON.parse(r.body) as {
          payload: { attempt: string; userId: string | null; failures: number };
        }
      ).payload,
  );

describe('PIN lockout', () => {
  it('grows: 3 failures lock for 30 s, then doubling, capped', async () => {
    t = await openTestCore({ setUp: false });
    expect([1, 2, 3, 4, 5].map(lockMsAfter)).toEqual([0, 0, 30_000, 60_000, 120_000]);
    expect(lockMsAfter(100)).toBe(15 * 60_000);
  });

  it('locks a user after 3 wrong PINs, even the right one, and says how long', async () => {
    t = await openTestCore({ now: () => now });
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-logout', {});
    for (let i = 0; i < 2; i++)
      expect((await t.fail('auth-login', { userId: cashier.id, pin: '0000' })).code).toBe(
        'BAD_PIN',
      );
    const third = await t.fail('auth-login', { userId: cashier.id, pin: '0000' });
    expect(third.code).toBe('PIN_LOCKED');
    expect(third.details).toEqual({ retryInSeconds: 30 });
    const locked = await t.fail('auth-login', { userId: cashier.id, pin: '5555' });
    expect(locked.code).toBe('PIN_LOCKED');
    now += 31_000;
    // The 4th failure locks for 60 s.
    const fourth = await t.fail('auth-login', { userId: cashier.id, pin: '0000' });
    expect(fourth.details).toEqual({ retryInSeconds: 60 });
    now += 61_000;
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    expect(pinEvents(t.core).map((p) => [p.attempt, p.userId, p.failures])).toEqual([
      ['login', cashier.id, 1],
      ['login', cashier.id, 2],
      ['login', cashier.id, 3],
      ['login', cashier.id, 4],
    ]);
  });

  it('keeps the lockout across a restart of the till core', async () => {
    t = await openTestCore({ now: () => now });
    const owner = (await t.call('users-list', {}))[0]!;
    await t.call('auth-logout', {});
    for (let i = 0; i < 3; i++) await t.fail('auth-login', { userId: owner.id, pin: '000000' });
    t.core.close();
    const again = openTillCore({
      dataDir: t.dir,
      now: () => now,
      log: () => {},
      sync: { autoStart: false },
    });
    try {
      const r = await again.dispatch('auth-login', { userId: owner.id, pin: OWNER_PIN });
      expect(r.ok === false && r.error.code).toBe('PIN_LOCKED');
    } finally {
      again.close();
    }
    t.core = openTillCore({
      dataDir: t.dir,
      now: () => now,
      log: () => {},
      sync: { autoStart: false },
    });
  });

  it('locks owner-PIN approvals after 3 wrong PINs and records them for HQ', async () => {
    t = await openTestCore({ now: () => now });
    await t.product('A1', 100_00, 0);
    await t.call('shift-open', { openingFloat: 0 });
    const cashier = await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '5555' });
    await t.call('auth-login', { userId: cashier.id, pin: '5555' });
    await t.call('shift-join', {}); // the owner's shift: the cashier joins it (hand-over)
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1' });
    const ask = (ownerPin: string) =>
      t.core.dispatch('cart-set-line-discount', {
        cartId: cart.id,
        lineNo: 1,
        discount: { kind: 'percent', bp: 5_000 },
        ownerPin,
      });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const r = await ask('0000');
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['BAD_PIN', 'BAD_PIN', 'PIN_LOCKED']);
    const right = await ask(OWNER_PIN);
    expect(right.ok === false && right.error.code).toBe('PIN_LOCKED');
    expect(pinEvents(t.core).map((p) => [p.attempt, p.failures])).toEqual([
      ['owner_pin', 1],
      ['owner_pin', 2],
      ['owner_pin', 3],
    ]);
    now += 30_001;
    expect((await ask(OWNER_PIN)).ok).toBe(true);
  });

  it('locks unknown user ids together', async () => {
    t = await openTestCore({ now: () => now });
    await t.call('auth-logout', {});
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const r = await t.core.dispatch('auth-login', { userId: `guess-${i}`, pin: '1111' });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['BAD_PIN', 'BAD_PIN', 'PIN_LOCKED', 'PIN_LOCKED']);
  });
});

describe('owner PINs and the sign-in list', () => {
  it('needs 6 digits for a new owner, not for a cashier', async () => {
    t = await openTestCore();
    const short = await t.fail('users-create', { name: 'Oz', role: 'owner', pin: '1234' });
    expect(short.code).toBe('VALIDATION');
    expect(short.message).toContain('6 to 8 digits');
    const oz = await t.call('users-create', { name: 'Oz', role: 'owner', pin: '123456' });
    expect((await t.fail('users-update', { userId: oz.id, pin: '4321' })).code).toBe('VALIDATION');
    await t.call('users-create', { name: 'Cass', role: 'cashier', pin: '1234' });
    const setup = await openTestCore({ setUp: false });
    try {
      const r = await setup.fail('setup-init', {
        storeName: 'S',
        currency: 'INR',
        locale: 'en-IN',
        timeZone: 'Asia/Kolkata',
        taxMode: 'inclusive',
        ownerName: 'O',
        ownerPin: '1234',
        demo: false,
      });
      expect(r.code).toBe('VALIDATION');
    } finally {
      setup.close();
    }
  });

  it('lists only active users before sign-in', async () => {
    t = await openTestCore();
    const gone = await t.call('users-create', { name: 'Gone', role: 'cashier', pin: '1111' });
    await t.call('users-update', { userId: gone.id, active: false });
    expect((await t.call('users-list', {})).map((u) => u.name)).toContain('Gone');
    await t.call('auth-logout', {});
    expect((await t.call('users-list', {})).map((u) => u.name)).not.toContain('Gone');
  });
});
