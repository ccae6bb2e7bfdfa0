// Stores and tills from the console against the real Postgres and Kafka: create/edit stores,
// add tills with enrollment codes, health after pushes, re-issued codes and revoked tills.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseEnrollmentQrText,
  type ConsoleStore,
  type ConsoleTill,
  type StoresResponse,
  type TillEnrollment,
  type TillsResponse,
} from '../../../shared/console/consoleApi';
import { pushEvents, shiftOpenEvent } from '../../test/gatewayTestKit';
import { startTestConsole, type ConsoleClient, type TestConsole } from '../../test/consoleTestKit';

const storeInput = {
  code: 'LIS-01',
  name: 'Lisbon Baixa',
  city: 'Lisbon',
  region: 'Lisboa',
  country: 'PT',
  currency: 'EUR',
  timeZone: 'Europe/Lisbon',
};

const enroll = async (url: string, code: string): Promise<string> => {
  const res = await fetch(`${url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
};

describe('console stores and tills', () => {
  let hq: TestConsole;
  let manager: ConsoleClient;
  let store: ConsoleStore;
  beforeAll(async () => {
    hq = await startTestConsole('console-stores');
    manager = await hq.as('manager');
  });
  afterAll(async () => {
    await hq?.dispose();
  });

  it('creates a store with a unique code, audit-logged', async () => {
    const created = await manager.call('POST', '/v1/console/stores', storeInput);
    expect(created.status).toBe(201);
    store = (await created.json()) as ConsoleStore;
    expect(store).toMatchObject({ ...storeInput, health: { tills: 0, eventsToday: 0 } });
    const again = await manager.call('POST', '/v1/console/stores', {
      ...storeInput,
      code: 'lis-01',
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'CONFLICT' });
    // Issue 11: Postgres text cannot hold a NUL; the console refuses it as a bad request, not a 500.
    for (const bad of [{ name: 'Lis\u0000bon' }, { city: 'Lis\u0001' }, { name: '\ud800' }]) {
      const refused = await manager.call('POST', '/v1/console/stores', {
        ...storeInput,
        code: 'NUL-1',
        ...bad,
      });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
    const badZone = await manager.call('POST', '/v1/console/stores', {
      ...storeInput,
      code: 'X',
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.status).toBe(400);
    const { rows } = await hq.service.pool.query(
      `SELECT actor, action, target, after FROM audit_log WHERE action = 'store.create'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'store.create', target: store.storeId });
  });

  it('refuses an analyst a new store but shows the list', async () => {
    const analyst = await hq.as('analyst');
    const create = await analyst.call('POST', '/v1/console/stores', { ...storeInput, code: 'A1' });
    expect(create.status).toBe(403);
    expect(await create.json()).toMatchObject({ code: 'FORBIDDEN' });
    const list = await analyst.call('GET', '/v1/console/stores');
    expect(list.status).toBe(200);
    const body = (await list.json()) as StoresResponse;
    expect(body.stores.map((s) => s.code)).toContain('LIS-01');
  });

  it('adds a till whose code, address and QR text enroll it; pushes show in its health', async () => {
    const added = await manager.call('POST', `/v1/console/stores/${store.storeId}/tills`, {
      name: 'Front till',
    });
    expect(added.status).toBe(201);
    const till = (await added.json()) as TillEnrollment;
    expect(till.syncUrl).toBe(hq.url);
    expect(parseEnrollmentQrText(till.qrText)).toEqual({ url: hq.url, code: till.enrollmentCode });

    let tills = (await (
      await manager.call('GET', `/v1/console/stores/${store.storeId}/tills`)
    ).json()) as TillsResponse;
    expect(tills.tills[0]).toMatchObject({ status: 'awaiting-enrollment', lastPushAt: null });

    const token = await enroll(hq.url, till.enrollmentCode);
    const events = [shiftOpenEvent(store.storeId, till.tillId)];
    expect((await pushEvents(hq.url, token, { events })).status).toBe(200);
    await expect
      .poll(async () => {
        const res = (await (
          await manager.call('GET', '/v1/console/stores')
        ).json()) as StoresResponse;
        return res.stores.find((s) => s.storeId === store.storeId)?.health;
      })
      .toMatchObject({ tills: 1, activeTills: 1, overdueTills: 0, eventsToday: 1 });
    tills = (await (
      await manager.call('GET', `/v1/console/stores/${store.storeId}/tills`)
    ).json()) as TillsResponse;
    expect(tills.tills[0]).toMatchObject({ status: 'active', eventsToday: 1, overdue: false });
    expect(tills.tills[0]?.lastPushAt).toBeGreaterThan(Date.now() - 60_000);

    // Currency and time zone are fixed once the store has sales; the name is not.
    const currency = await manager.call('PATCH', `/v1/console/stores/${store.storeId}`, {
      currency: 'USD',
    });
    expect(currency.status).toBe(409);
    const renamed = await manager.call('PATCH', `/v1/console/stores/${store.storeId}`, {
      name: 'Lisbon Baixa-Chiado',
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Lisbon Baixa-Chiado', code: 'LIS-01' });

    // The till pulls the catalog: the console sees which version it has.
    const pull = await fetch(`${hq.url}/v1/catalog`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pull.status).toBe(200);
    const pulled = (await (
      await manager.call('GET', `/v1/console/stores/${store.storeId}/tills`)
    ).json()) as TillsResponse;
    expect(pulled.tills[0]).toMatchObject({ catalogVersion: 0 });
    expect(pulled.tills[0]?.catalogPulledAt).not.toBeNull();

    // A re-issued code stops the current token at once; the new code brings the till back.
    const reissued = await manager.call('POST', `/v1/console/tills/${till.tillId}/enrollment-code`);
    expect(reissued.status).toBe(200);
    const second = (await reissued.json()) as TillEnrollment;
    expect(second.enrollmentCode).not.toBe(till.enrollmentCode);
    const afterReissue = await pushEvents(hq.url, token, {
      events: [shiftOpenEvent(store.storeId, till.tillId)],
    });
    expect(afterReissue.status).toBe(401);
    const fresh = await enroll(hq.url, second.enrollmentCode);

    // Revoked: the next push gets 401, the till shows revoked.
    const revoked = await manager.call('POST', `/v1/console/tills/${till.tillId}/revoke`);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()) as ConsoleTill).toMatchObject({ status: 'revoked' });
    const refused = await pushEvents(hq.url, fresh, {
      events: [shiftOpenEvent(store.storeId, till.tillId)],
    });
    expect(refused.status).toBe(401);
    const { rows } = await hq.service.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target = $1 ORDER BY id`,
      [till.tillId],
    );
    expect(rows.map((r) => r.action)).toEqual(['till.create', 'till.reissue-code', 'till.revoke']);
  });

  it('answers 404 for unknown stores and tills, 400 for bad ids', async () => {
    expect((await manager.call('GET', '/v1/console/stores/nope/tills')).status).toBe(404);
    expect((await manager.call('POST', '/v1/console/tills/nope/revoke')).status).toBe(404);
    expect(
      (await manager.call('POST', '/v1/console/stores/nope/tills', { name: 'x' })).status,
    ).toBe(404);
    expect((await manager.call('PATCH', '/v1/console/stores/a%20b', { name: 'x' })).status).toBe(
      400,
    );
  });
});
