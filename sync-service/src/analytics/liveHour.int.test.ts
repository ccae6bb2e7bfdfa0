// GET /v1/analytics/live through the real pipeline (gateway → Kafka → warehouse consumer →
// Postgres), read with an HQ console session (any role sees the chain) and a till's token (its
// own store only). Totals equal sums over the pushed events; all 60 minutes are present.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events';
import type { LiveHourResponse } from '../../../shared/sync/analyticsApi';
import { pushEvents } from '../../test/gatewayTestKit';
import { catalogEvents, generateEvents } from '../../test/syntheticEvents';
import { startTestConsole, type ConsoleClient, type TestConsole } from '../../test/consoleTestKit';

describe('live last hour', () => {
  let hq: TestConsole;
  let analyst: ConsoleClient;
  let till: { storeId: string; tillId: string; token: string };
  let other: { storeId: string; tillId: string; token: string };
  let sales: PosEvent[];
  beforeAll(async () => {
    hq = await startTestConsole('live-hour', {}, ['gateway', 'consumer', 'analytics', 'console']);
    analyst = await hq.as('analyst');
    till = await hq.enrollTill();
    other = await hq.enrollTill();
    const now = Date.now();
    const options = {
      seed: 7,
      stores: [{ storeId: till.storeId, timeZone: 'Europe/Berlin', tills: [till.tillId] }],
      products: 6,
      fromMs: now - 40 * 60_000,
      toMs: now - 60_000,
      returnRate: 0.1,
    };
    const catalog = catalogEvents(options, now - 50 * 60_000);
    sales = generateEvents(30, options).filter((e) => e.type === 'sale' || e.type === 'return');
    // Sequence numbers continue after the catalog events, as on a real till.
    const events = [...catalog, ...sales].map((e, i) => ({
      ...e,
      tillId: till.tillId,
      seq: i + 1,
    }));
    const pushed = await pushEvents(hq.url, till.token, { events });
    expect(pushed.status).toBe(200);
  });
  afterAll(async () => {
    await hq?.dispose();
  });

  const live = (query: string, headers: Record<string, string>) =>
    fetch(`${hq.url}/v1/analytics/live?${query}`, { headers });

  it('gives a console session the chain, every minute, and totals from the facts', async () => {
    const orders = sales.filter((e) => e.type === 'sale').length;
    let body: LiveHourResponse | null = null;
    await expect
      .poll(
        async () => {
          const res = await live('scope=chain', { cookie: analyst.cookie });
          expect(res.status).toBe(200);
          expect(res.headers.get('cache-control')).toBe('no-store');
          body = (await res.json()) as LiveHourResponse;
          return body.totals.orders;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(orders);
    const answer = body as unknown as LiveHourResponse;
    expect(answer.minutes).toHaveLength(60);
    expect(answer.windowEnd - answer.windowStart).toBe(3_600_000);
    expect(answer.minutes[0]?.minute).toBe(answer.windowStart);
    expect(answer.minutes.reduce((s, m) => s + m.orders, 0)).toBe(orders);
    const net = sales.reduce((sum, e) => {
      if (e.type !== 'sale' && e.type !== 'return') return sum;
      const lines = e.payload.lines as { net: number }[];
      const value = lines.reduce((s, l) => s + l.net, 0);
      return sum + (e.type === 'return' ? -Math.abs(value) : value);
    }, 0);
    expect(answer.totals.netSales).toBe(net);
    expect(answer.ordersPerMinute).toBeCloseTo(orders / 60, 10);
    expect(answer.topProducts.length).toBeGreaterThan(0);
    expect(answer.topProducts[0]?.rank).toBe(1);
    expect(answer.meta).toMatchObject({ scope: 'chain', storeId: null, currency: 'EUR' });
  });

  it('keeps a till to its own store and refuses strangers', async () => {
    const own = await live('scope=store', { authorization: `Bearer ${till.token}` });
    expect(own.status).toBe(200);
    const chain = await live('scope=chain', { authorization: `Bearer ${till.token}` });
    expect(chain.status).toBe(403);
    const foreign = await live(`scope=store&storeId=${till.storeId}`, {
      authorization: `Bearer ${other.token}`,
    });
    expect(foreign.status).toBe(403);
    const nobody = await live('scope=chain', {});
    expect(nobody.status).toBe(401);
    const forged = await live('scope=chain', { cookie: 'hq_session=forged' });
    expect(forged.status).toBe(401);
    // A console session also reads the other figure routes.
    const tills = await fetch(`${hq.url}/v1/analytics/tills?scope=chain`, {
      headers: { cookie: analyst.cookie },
    });
    expect(tills.status).toBe(200);
  });
});
