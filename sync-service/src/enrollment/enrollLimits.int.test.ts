// POST /v1/enroll limits per client address against the real service and Postgres: after the
// allowed number of failed tries the address gets 429 RATE_LIMITED with Retry-After, even for a
// good code, and tries at once beyond the cap are refused without taking a pool connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../test/gatewayTestKit';

const enroll = (url: string, code: string): Promise<Response> =>
  fetch(`${url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

describe('enrollment rate limits', () => {
  let gw: TestGateway;
  let crowded: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('enrolllimits', { enrollMaxFailures: 3, enrollWindowMs: 120_000 });
    crowded = await startTestGateway('enrollcrowd', {
      enrollMaxFailures: 100_000,
      enrollMaxConcurrent: 1,
    });
  });
  afterAll(async () => {
    await gw?.dispose();
    await crowded?.dispose();
  });

  it('refuses tries at once beyond the cap with 429 RATE_LIMITED and Retry-After 1', async () => {
    // One at a time allowed: of 30 tries sent together, some find another one running.
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => enroll(crowded.url, 'AAAA-BBBB-CCCC')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.some((s) => s === 429)).toBe(true);
    expect(statuses.every((s) => s === 429 || s === 401)).toBe(true);
    for (const r of answers.filter((x) => x.status === 429)) {
      expect(r.headers.get('retry-after')).toBe('1');
      expect(await r.json()).toMatchObject({ code: 'RATE_LIMITED' });
    }
  });

  it('blocks the address after its failed tries, even for a good code, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = await enroll(gw.url, 'AAAA-BBBB-CCCC');
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ code: 'ENROLLMENT_CODE_INVALID' });
    }
    const store = await gw.admin('POST', '/v1/admin/stores', {
      storeId: 'store-limits',
      name: 'Limits',
      city: 'Lyon',
      region: 'ARA',
      country: 'FR',
      currency: 'EUR',
      timeZone: 'Europe/Paris',
    });
    expect(store.status).toBe(201);
    const till = await gw.admin('POST', '/v1/admin/stores/store-limits/tills', { name: 'T' });
    const { enrollmentCode } = (await till.json()) as { enrollmentCode: string };
    const blocked = await enroll(gw.url, enrollmentCode);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(100);
    expect(await blocked.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
