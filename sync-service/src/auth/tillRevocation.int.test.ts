// Revocation reaches every process at once (real Postgres LISTEN/NOTIFY, real Kafka): a till
// revoked through the console of one service instance is refused within a second by another
// instance whose token cache (60 s) still held it, that instance closes the till's open event
// stream, and a re-issued enrollment code voids the older ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleStore, TillEnrollment } from '../../../shared/console/consoleApi';
import { startTestConsole, type ConsoleClient, type TestConsole } from '../../test/consoleTestKit';
import { pushEvents, shiftOpenEvent } from '../../test/gatewayTestKit';
import { createLogger } from '../ops/logger';
import { createSyncService, type SyncService } from '../service';

const enroll = (url: string, code: string): Promise<Response> =>
  fetch(`${url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

/** Reads an SSE response until `until` is in the text or the stream ends; the text and whether it ended. */
const readStream = async (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: string | null,
  timeoutMs: number,
): Promise<{ text: string; ended: boolean }> => {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (chunk === null) break;
    if (chunk.done) return { text, ended: true };
    text += decoder.decode(chunk.value, { stream: true });
    if (until !== null && text.includes(until)) return { text, ended: false };
  }
  return { text, ended: false };
};

describe('till revocation across service instances', () => {
  let hq: TestConsole;
  let other: SyncService;
  let otherUrl = '';
  let manager: ConsoleClient;
  let store: ConsoleStore;

  beforeAll(async () => {
    hq = await startTestConsole('revocation', { tokenCacheTtlMs: 60_000 }, [
      'gateway',
      'console',
      'analytics',
    ]);
    // A second instance on the same database: its own pool, its own 60 s token cache.
    other = await createSyncService(
      { ...hq.config, port: 0 },
      ['gateway', 'analytics'],
      createLogger('error', { test: 'revocation-other' }, () => undefined),
    );
    otherUrl = await other.listen();
    manager = await hq.as('manager');
    const created = await manager.call('POST', '/v1/console/stores', {
      code: 'REV-01',
      name: 'Revocation Street',
      city: 'Porto',
      region: 'Norte',
      country: 'PT',
      currency: 'EUR',
      timeZone: 'Europe/Lisbon',
    });
    expect(created.status).toBe(201);
    store = (await created.json()) as ConsoleStore;
  });

  afterAll(async () => {
    await other?.stop();
    await hq?.dispose();
  });

  const addTill = async (name: string): Promise<{ tillId: string; token: string }> => {
    const added = await manager.call('POST', `/v1/console/stores/${store.storeId}/tills`, { name });
    expect(added.status).toBe(201);
    const issued = (await added.json()) as TillEnrollment;
    const enrolled = await enroll(hq.url, issued.enrollmentCode);
    expect(enrolled.status).toBe(200);
    return { tillId: issued.tillId, token: ((await enrolled.json()) as { token: string }).token };
  };

  it('refuses a till revoked in another instance within a second and closes its stream', async () => {
    const till = await addTill('Till R');
    // The other instance has verified (and cached) the token, and streams to the till.
    const warm = await pushEvents(otherUrl, till.token, {
      events: [shiftOpenEvent(store.storeId, till.tillId)],
    });
    expect(warm.status).toBe(200);
    const stream = await fetch(`${otherUrl}/v1/analytics/stream?scope=store`, {
      headers: { authorization: `Bearer ${till.token}` },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    expect((await readStream(reader, 'event: ready', 5_000)).text).toContain('event: ready');

    const revoked = await manager.call('POST', `/v1/console/tills/${till.tillId}/revoke`);
    expect(revoked.status).toBe(200);
    const revokedAt = Date.now();

    const closed = await readStream(reader, null, 1_500);
    expect(closed.ended).toBe(true);
    expect(closed.text).toContain('event: revoked');

    let status = 0;
    while (Date.now() - revokedAt < 1_000) {
      status = (
        await pushEvents(otherUrl, till.token, {
          events: [shiftOpenEvent(store.storeId, till.tillId)],
        })
      ).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
    const figures = await fetch(`${otherUrl}/v1/analytics/stream?scope=store`, {
      headers: { authorization: `Bearer ${till.token}` },
    });
    expect(figures.status).toBe(401);
  });

  it('refuses the old token in another instance once the till re-enrolled', async () => {
    const till = await addTill('Till E');
    expect(
      (
        await pushEvents(otherUrl, till.token, {
          events: [shiftOpenEvent(store.storeId, till.tillId)],
        })
      ).status,
    ).toBe(200);
    // Automation's re-issue keeps the token until the new code is redeemed.
    const reissued = await hq.admin('POST', `/v1/admin/tills/${till.tillId}/enrollment-codes`);
    expect(reissued.status).toBe(201);
    const { enrollmentCode } = (await reissued.json()) as { enrollmentCode: string };
    expect((await enroll(hq.url, enrollmentCode)).status).toBe(200);
    const at = Date.now();
    let status = 0;
    while (Date.now() - at < 1_000) {
      status = (
        await pushEvents(otherUrl, till.token, {
          events: [shiftOpenEvent(store.storeId, till.tillId)],
        })
      ).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(401);
  });

  it('voids older enrollment codes when a new one is issued (console and automation)', async () => {
    const added = await manager.call('POST', `/v1/console/stores/${store.storeId}/tills`, {
      name: 'Till C',
    });
    const first = (await added.json()) as TillEnrollment;
    const console2 = (await (
      await manager.call('POST', `/v1/console/tills/${first.tillId}/enrollment-code`)
    ).json()) as TillEnrollment;
    const admin3 = (await (
      await hq.admin('POST', `/v1/admin/tills/${first.tillId}/enrollment-codes`)
    ).json()) as { enrollmentCode: string };
    const admin4 = (await (
      await hq.admin('POST', `/v1/admin/tills/${first.tillId}/enrollment-codes`)
    ).json()) as { enrollmentCode: string };
    for (const old of [first.enrollmentCode, console2.enrollmentCode, admin3.enrollmentCode]) {
      const refused = await enroll(hq.url, old);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: 'ENROLLMENT_CODE_INVALID' });
    }
    expect((await enroll(hq.url, admin4.enrollmentCode)).status).toBe(200);
  });

  it('trusts no cached token after its revocation feed lost the connection', async () => {
    const till = await addTill('Till L');
    const push = async (): Promise<number> =>
      (
        await pushEvents(otherUrl, till.token, {
          events: [shiftOpenEvent(store.storeId, till.tillId)],
        })
      ).status;
    expect(await push()).toBe(200);
    // Every feed's connection is cut, and the till is revoked while nobody listens (no NOTIFY
    // can reach anyone): the reconnected feed must drop the cache rather than trust it.
    const { rowCount } = await hq.service.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'till-revocations' AND datname = current_database()`,
    );
    expect(rowCount).toBeGreaterThanOrEqual(2);
    await hq.service.pool.query(
      'UPDATE till_tokens SET revoked_at = now() WHERE till_id = $1 AND revoked_at IS NULL',
      [till.tillId],
    );
    await expect.poll(push, { timeout: 5_000, interval: 200 }).toBe(401);
  });
});
