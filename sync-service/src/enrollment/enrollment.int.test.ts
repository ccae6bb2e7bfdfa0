// Stores, tills and enrollment against the real Postgres.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTillResponseSchema,
  enrollResponseSchema,
  storeSchema,
} from '../../../shared/sync/gatewayApi';
import { startTestGateway, type TestGateway } from '../../test/gatewayTestKit';

const enroll = (url: string, code: unknown): Promise<Response> =>
  fetch(`${url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });

describe('enrollment', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('enroll');
  });
  afterAll(async () => {
    await gw?.dispose();
  });

  it('lets only the admin create and list stores', async () => {
    const input = {
      name: 'Corner Shop',
      city: 'Porto',
      region: 'Norte',
      country: 'PT',
      currency: 'EUR',
      timeZone: 'Europe/Lisbon',
    };
    const anonymous = await fetch(`${gw.url}/v1/admin/stores`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer wrong-token-wrong-token',
      },
      body: JSON.stringify(input),
    });
    expect(anonymous.status).toBe(401);

    const created = await gw.admin('POST', '/v1/admin/stores', input);
    expect(created.status).toBe(201);
    const store = storeSchema.parse(await created.json());
    expect(store).toMatchObject(input);
    expect(store.storeId).toMatch(/^store-[0-9a-f]{10}$/);

    const named = await gw.admin('POST', '/v1/admin/stores', { ...input, storeId: 'porto-1' });
    expect(named.status).toBe(201);
    const again = await gw.admin('POST', '/v1/admin/stores', { ...input, storeId: 'porto-1' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'CONFLICT' });

    const badZone = await gw.admin('POST', '/v1/admin/stores', { ...input, timeZone: 'Mars/Base' });
    expect(badZone.status).toBe(400);
    const badCurrency = await gw.admin('POST', '/v1/admin/stores', { ...input, currency: 'euro' });
    expect(badCurrency.status).toBe(400);

    const list = (await (await gw.admin('GET', '/v1/admin/stores')).json()) as {
      stores: Array<{ storeId: string }>;
    };
    expect(list.stores.map((s) => s.storeId).sort()).toEqual(['porto-1', store.storeId].sort());
  });

  it('exchanges a one-time code for a token that is stored only as a hash', async () => {
    const created = await gw.admin('POST', '/v1/admin/stores/porto-1/tills', {
      name: 'Front till',
      tillId: 'porto-1-t1',
    });
    expect(created.status).toBe(201);
    const till = createTillResponseSchema.parse(await created.json());
    expect(till).toMatchObject({ storeId: 'porto-1', tillId: 'porto-1-t1' });
    expect(till.expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    // Typed in lower case with spaces instead of dashes: still the same code.
    const first = await enroll(gw.url, till.enrollmentCode.toLowerCase().replace(/-/g, ' '));
    expect(first.status).toBe(200);
    const enrolled = enrollResponseSchema.parse(await first.json());
    expect(enrolled).toMatchObject({
      storeId: 'porto-1',
      tillId: 'porto-1-t1',
      store: { name: 'Corner Shop' },
    });
    expect(enrolled.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const second = await enroll(gw.url, till.enrollmentCode);
    expect(second.status).toBe(401);
    expect(await second.json()).toMatchObject({ code: 'ENROLLMENT_CODE_INVALID' });

    const client = new pg.Client({ connectionString: gw.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ dump: string }>(
        `SELECT (SELECT string_agg(encode(token_hash, 'escape'), ',') FROM till_tokens) ||
                (SELECT string_agg(encode(code_hash, 'escape'), ',') FROM enrollment_codes) AS dump`,
      );
      expect(rows[0]?.dump).not.toContain(enrolled.token);
      expect(rows[0]?.dump).not.toContain(till.enrollmentCode);
      const tills = await client.query<{ enrolled_at: Date | null }>(
        `SELECT enrolled_at FROM tills WHERE till_id = 'porto-1-t1'`,
      );
      expect(tills.rows[0]?.enrolled_at).toBeInstanceOf(Date);
    } finally {
      await client.end();
    }

    // The token works for the till's own routes.
    const catalog = await fetch(`${gw.url}/v1/catalog`, {
      headers: { authorization: `Bearer ${enrolled.token}` },
    });
    expect(catalog.status).toBe(200);
  });

  it('refuses unknown, malformed and expired codes alike, and handles a racing double use', async () => {
    expect((await enroll(gw.url, 'AAAA-BBBB-CCCC')).status).toBe(401);
    expect((await enroll(gw.url, 12)).status).toBe(400);
    const missing = await fetch(`${gw.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(missing.status).toBe(400);

    const created = createTillResponseSchema.parse(
      await (await gw.admin('POST', '/v1/admin/stores/porto-1/tills', { name: 'Expired' })).json(),
    );
    const client = new pg.Client({ connectionString: gw.db.url });
    await client.connect();
    await client.query(
      `UPDATE enrollment_codes SET expires_at = now() - interval '1 second' WHERE till_id = $1`,
      [created.tillId],
    );
    await client.end();
    expect((await enroll(gw.url, created.enrollmentCode)).status).toBe(401);

    const racing = createTillResponseSchema.parse(
      await (await gw.admin('POST', '/v1/admin/stores/porto-1/tills', { name: 'Racing' })).json(),
    );
    const answers = await Promise.all([
      enroll(gw.url, racing.enrollmentCode),
      enroll(gw.url, racing.enrollmentCode),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });

  it('re-enrolling a till revokes its earlier token', async () => {
    const till = createTillResponseSchema.parse(
      await (
        await gw.admin('POST', '/v1/admin/stores/porto-1/tills', { name: 'Back office' })
      ).json(),
    );
    const old = enrollResponseSchema.parse(
      await (await enroll(gw.url, till.enrollmentCode)).json(),
    );
    const reissued = await gw.admin('POST', `/v1/admin/tills/${till.tillId}/enrollment-codes`);
    expect(reissued.status).toBe(201);
    const { enrollmentCode } = createTillResponseSchema.parse(await reissued.json());
    const fresh = enrollResponseSchema.parse(await (await enroll(gw.url, enrollmentCode)).json());
    const withOld = await fetch(`${gw.url}/v1/catalog`, {
      headers: { authorization: `Bearer ${old.token}` },
    });
    expect(withOld.status).toBe(401);
    const withFresh = await fetch(`${gw.url}/v1/catalog`, {
      headers: { authorization: `Bearer ${fresh.token}` },
    });
    expect(withFresh.status).toBe(200);
  });

  it('answers 404 for tills of unknown stores', async () => {
    const res = await gw.admin('POST', '/v1/admin/stores/nowhere/tills', { name: 'x' });
    expect(res.status).toBe(404);
  });
});
