// Caps on open analytics event streams against the real service (Postgres, Kafka): a till gets
// 429 TOO_MANY_STREAMS with Retry-After beyond its cap, the server beyond its total, and a closed
// stream frees its place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../test/gatewayTestKit';

describe('analytics event stream caps', () => {
  let gw: TestGateway;
  let a: { token: string };
  let b: { token: string };
  const open: AbortController[] = [];

  beforeAll(async () => {
    gw = await startTestGateway(
      'streamcaps',
      { sseMaxStreamsPerTill: 2, sseMaxStreams: 3, retryAfterSeconds: 9 },
      ['gateway', 'analytics'],
    );
    a = await gw.enrollTill();
    b = await gw.enrollTill();
  });
  afterAll(async () => {
    for (const c of open) c.abort();
    await gw?.dispose();
  });

  const stream = async (token: string): Promise<Response> => {
    const controller = new AbortController();
    const res = await fetch(`${gw.url}/v1/analytics/stream?scope=store`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    if (res.status === 200) open.push(controller);
    return res;
  };

  it('refuses a third stream of one till, and a fourth on the server, with Retry-After', async () => {
    expect((await stream(a.token)).status).toBe(200);
    expect((await stream(a.token)).status).toBe(200);
    const third = await stream(a.token);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('9');
    expect(await third.json()).toMatchObject({ code: 'TOO_MANY_STREAMS' });

    expect((await stream(b.token)).status).toBe(200);
    const overTotal = await stream(b.token);
    expect(overTotal.status).toBe(429);
    expect(await overTotal.json()).toMatchObject({ code: 'TOO_MANY_STREAMS' });

    // Closing one of the till's streams frees its place (the server notices the close).
    open.shift()!.abort();
    await expect
      .poll(async () => {
        const res = await stream(a.token);
        if (res.status !== 200) await res.body?.cancel();
        return res.status;
      })
      .toBe(200);
  });
});
