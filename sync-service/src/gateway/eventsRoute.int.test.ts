// POST /v1/events against the real Kafka and Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_LIMITS, pushResponseSchema } from '../../../shared/sync/gatewayApi';
import { MAX_RECORD_BYTES } from '../kafka/eventRecords';
import { generateEvents } from '../../test/syntheticEvents';
import {
  pushEvents,
  readTopic,
  shiftOpenEvent,
  startTestGateway,
  topicMessageCount,
  type TestGateway,
} from '../../test/gatewayTestKit';

describe('POST /v1/events', () => {
  let gw: TestGateway;
  let till: { storeId: string; tillId: string; token: string };
  let other: { storeId: string; tillId: string; token: string };

  beforeAll(async () => {
    gw = await startTestGateway('events');
    till = await gw.enrollTill();
    other = await gw.enrollTill();
  });
  afterAll(async () => {
    await gw?.dispose();
  });

  it('answers 401 without a token or with a wrong one', async () => {
    const event = shiftOpenEvent(till.storeId, till.tillId);
    const none = await fetch(`${gw.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [event] }),
    });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const wrong = await pushEvents(gw.url, 'not-a-real-token', { events: [event] });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const admin = await pushEvents(gw.url, 'test-admin-token-0123456789', { events: [event] });
    expect(admin.status).toBe(401);
  });

  it('refuses the whole batch with 403 when an event belongs to another store or till', async () => {
    const before = await topicMessageCount(gw.config.eventsTopic);
    const mine = shiftOpenEvent(till.storeId, till.tillId);
    const theirs = shiftOpenEvent(other.storeId, other.tillId);
    const res = await pushEvents(gw.url, till.token, { events: [mine, theirs] });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('FORBIDDEN');
    expect(body.message).toContain('event 1');
    const sameStoreOtherTill = shiftOpenEvent(till.storeId, other.tillId);
    expect((await pushEvents(gw.url, till.token, { events: [sameStoreOtherTill] })).status).toBe(
      403,
    );
    expect(await topicMessageCount(gw.config.eventsTopic)).toBe(before);
  });

  it('answers 413 for more than 1,000 events or more than 1 MiB', async () => {
    const many = Array.from({ length: GATEWAY_LIMITS.maxEventsPerBatch + 1 }, () =>
      shiftOpenEvent(till.storeId, till.tillId),
    );
    const tooMany = await pushEvents(gw.url, till.token, { events: many });
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ code: 'BATCH_TOO_LARGE' });
    const padding = 'x'.repeat(GATEWAY_LIMITS.maxBatchBytes);
    const tooBig = await pushEvents(gw.url, till.token, { events: [], padding });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 'BATCH_TOO_LARGE' });
  });

  it('answers 400 BAD_JSON for malformed JSON and 400 BAD_REQUEST for the wrong shape', async () => {
    for (const body of ['{"events": [', 'not json', '{"events": [1,]}']) {
      const res = await pushEvents(gw.url, till.token, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'BAD_JSON' });
    }
    for (const body of [{}, { events: 'nope' }, [], null, 42]) {
      const res = await pushEvents(gw.url, till.token, JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
    const proto = await pushEvents(gw.url, till.token, '{"events": [], "__proto__": {"x": 1}}');
    expect(proto.status).toBe(400);
    const text = await fetch(`${gw.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${till.token}`, 'content-type': 'application/xml' },
      body: '<events/>',
    });
    expect(text.status).toBe(415);
  });

  it('accepts a valid batch only after Kafka has it, keyed by store', async () => {
    const events = Array.from({ length: 25 }, () => shiftOpenEvent(till.storeId, till.tillId));
    const res = await pushEvents(gw.url, till.token, { events });
    expect(res.status).toBe(200);
    const { results } = pushResponseSchema.parse(await res.json());
    expect(results).toEqual(
      events.map((e, index) => ({ eventId: e.eventId, index, status: 'accepted' })),
    );

    const onTopic = await readTopic(gw.config.eventsTopic, events.length);
    expect(onTopic.map((m) => JSON.parse(m.value) as unknown)).toEqual(events);
    for (const m of onTopic) expect(m.key).toBe(till.storeId);
    // One store → one partition, so the store's events keep their order.
    expect(new Set(onTopic.map((m) => m.partition)).size).toBe(1);
  });

  it('splits a batch of almost 1 MiB into records the broker takes, every event in order', async () => {
    const events = generateEvents(850, {
      seed: 11,
      stores: [{ storeId: till.storeId, timeZone: 'UTC', tills: [till.tillId] }],
      products: 40,
      fromMs: Date.UTC(2025, 0, 1),
      toMs: Date.UTC(2025, 0, 2),
      receiptRate: 0,
    });
    const body = JSON.stringify({ events });
    expect(Buffer.byteLength(body)).toBeGreaterThan(3 * MAX_RECORD_BYTES);
    expect(Buffer.byteLength(body)).toBeLessThan(GATEWAY_LIMITS.maxBatchBytes);
    const before = await topicMessageCount(gw.config.eventsTopic);
    const res = await pushEvents(gw.url, till.token, body);
    expect(res.status).toBe(200);
    const records = (await topicMessageCount(gw.config.eventsTopic)) - before;
    expect(records).toBeGreaterThanOrEqual(4);
    expect(records).toBeLessThanOrEqual(6);
    const ids = new Set(events.map((e) => e.eventId));
    const isMine = (m: { value: string }): boolean =>
      ids.has((JSON.parse(m.value) as { eventId: string }).eventId);
    const onTopic = await readTopic(
      gw.config.eventsTopic,
      (read) => read.filter(isMine).length >= events.length,
    );
    const mine = onTopic.filter(isMine).map((m) => JSON.parse(m.value) as { eventId: string });
    expect(mine.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
  });

  it('rejects invalid events one by one and still accepts the rest', async () => {
    const good = shiftOpenEvent(till.storeId, till.tillId);
    const badPayload = { ...shiftOpenEvent(till.storeId, till.tillId), payload: { shiftId: 'x' } };
    const future = { ...shiftOpenEvent(till.storeId, till.tillId), schemaVersion: 9 };
    const res = await pushEvents(gw.url, till.token, {
      events: [good, badPayload, future, 'junk', null],
    });
    expect(res.status).toBe(200);
    const { results } = pushResponseSchema.parse(await res.json());
    expect(results.map((r) => [r.index, r.status, r.code])).toEqual([
      [0, 'accepted', undefined],
      [1, 'rejected', 'INVALID_EVENT'],
      [2, 'rejected', 'UNSUPPORTED_SCHEMA_VERSION'],
      [3, 'rejected', 'INVALID_EVENT'],
      [4, 'rejected', 'INVALID_EVENT'],
    ]);
    expect(results[1]?.eventId).toBe(badPayload.eventId);
    expect(results[1]?.message).toBeTruthy();
  });

  it('accepts the same batch twice (idempotency is by event id downstream)', async () => {
    const events = [
      shiftOpenEvent(till.storeId, till.tillId),
      shiftOpenEvent(till.storeId, till.tillId),
    ];
    const before = await topicMessageCount(gw.config.eventsTopic);
    for (let i = 0; i < 2; i++) {
      const res = await pushEvents(gw.url, till.token, { events: [...events, events[0]] });
      expect(res.status).toBe(200);
      const { results } = pushResponseSchema.parse(await res.json());
      expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    }
    // A repeat inside one batch is published once; a repeated batch is published again: one
    // record per push, holding its two distinct events.
    expect(await topicMessageCount(gw.config.eventsTopic)).toBe(before + 2);
  });

  it('answers an empty batch with no results', async () => {
    const res = await pushEvents(gw.url, till.token, { events: [] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [] });
  });

  it('counts accepted and rejected events in /metrics', async () => {
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    expect(text).toMatch(/sync_gateway_events_total\{status="accepted",code=""\} \d+/);
    expect(text).toMatch(/sync_gateway_events_total\{status="rejected",code="INVALID_EVENT"\} 3/);
    expect(text).toContain('sync_gateway_batch_duration_seconds_bucket');
    expect(text).toContain(
      'sync_http_request_duration_seconds_bucket{method="POST",route="/v1/events",status="200"',
    );
  });
});
