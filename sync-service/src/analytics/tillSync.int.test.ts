// Tills' last sync through the real pipeline: pushes to the gateway (real Kafka), applied by the
// warehouse consumer (real Postgres), read back through GET /v1/analytics/tills with HQ's and a
// till's token. Two stores, the second with two tills, one of which never pushes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PosEvent } from '../../../shared/events/envelope';
import type { TillSyncResponse, TillSyncRow } from '../../../shared/sync/analyticsApi';
import {
  ADMIN_TOKEN,
  pushEvents,
  shiftOpenEvent,
  startTestGateway,
  type TestGateway,
} from '../../test/gatewayTestKit';

interface Till {
  storeId: string;
  tillId: string;
  token: string;
}

let gw: TestGateway;
let north: Till;
let south1: Till;
let south2: Till;

const tills = async (query: string, token = ADMIN_TOKEN): Promise<Response> =>
  fetch(`${gw.url}/v1/analytics/tills?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });

const chainRows = async (): Promise<TillSyncRow[]> => {
  const res = await tills('scope=chain');
  expect(res.status).toBe(200);
  return ((await res.json()) as TillSyncResponse).rows;
};

const rowOf = (rows: readonly TillSyncRow[], tillId: string): TillSyncRow => {
  const row = rows.find((r) => r.tillId === tillId);
  if (!row) throw new Error(`no row for till ${tillId}`);
  return row;
};

/** Polls the chain view until `done` holds for it (the record and the warehouse lag the push). */
const eventually = async (
  done: (rows: TillSyncRow[]) => boolean,
  timeoutMs = 30_000,
): Promise<TillSyncRow[]> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows = await chainRows();
    if (done(rows)) return rows;
    if (Date.now() > end) throw new Error(`timed out; last rows ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

/** A second till in an existing store, enrolled. */
const enrollAnotherTill = async (storeId: string, name: string): Promise<Till> => {
  const till = await gw.admin('POST', `/v1/admin/stores/${storeId}/tills`, { name });
  const { tillId, enrollmentCode } = (await till.json()) as {
    tillId: string;
    enrollmentCode: string;
  };
  const enrolled = await fetch(`${gw.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: enrollmentCode }),
  });
  const { token } = (await enrolled.json()) as { token: string };
  return { storeId, tillId, token };
};

const push = async (till: Till, events: readonly PosEvent[]): Promise<void> => {
  const res = await pushEvents(gw.url, till.token, { events });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  gw = await startTestGateway('tillsync', { consumerGroup: `tillsync-${Date.now()}` }, [
    'gateway',
    'consumer',
    'analytics',
  ]);
  north = await gw.enrollTill('ts-north');
  south1 = await gw.enrollTill('ts-south');
  south2 = await enrollAnotherTill('ts-south', 'Till 2');
}, 60_000);

afterAll(async () => {
  await gw?.dispose();
});

describe('GET /v1/analytics/tills', () => {
  it('lists every till of the chain, never-synced ones with null times', async () => {
    const rows = await chainRows();
    expect(rows.map((r) => r.tillId).sort()).toEqual(
      [north.tillId, south1.tillId, south2.tillId].sort(),
    );
    for (const r of rows) {
      expect(r).toMatchObject({ lastPushAt: null, pushes: 0, appliedSeq: null, appliedAt: null });
      expect(r.enrolledAt).toEqual(expect.any(Number));
      expect(r.timeZone).toBe('Europe/Berlin');
    }
  });

  it('records each accepted push and the newest event the warehouse applied', async () => {
    const before = Date.now();
    const first = [shiftOpenEvent(north.storeId, north.tillId)];
    await push(north, first);
    const second = [
      shiftOpenEvent(north.storeId, north.tillId),
      shiftOpenEvent(north.storeId, north.tillId),
    ];
    await push(north, second);
    await push(south1, [shiftOpenEvent(south1.storeId, south1.tillId)]);
    const last = second[1]!;

    const rows = await eventually(
      (rs) =>
        rowOf(rs, north.tillId).appliedSeq === last.seq &&
        rowOf(rs, north.tillId).pushes === 2 &&
        rowOf(rs, south1.tillId).appliedSeq !== null,
    );
    const n = rowOf(rows, north.tillId);
    expect(n.lastPushAt).toBeGreaterThanOrEqual(before);
    expect(n.lastPushAt).toBeLessThanOrEqual(Date.now());
    expect(n.lastPushEvents).toBe(2);
    expect(n.pushedSeq).toBe(last.seq);
    expect(n.pushedEventAt).toBe(last.occurredAt);
    expect(n.appliedEventAt).toBe(last.occurredAt);
    expect(n.appliedAt).toBeGreaterThanOrEqual(before);
    expect(rowOf(rows, south1.tillId).pushes).toBe(1);
    // The till that never pushed stays "never".
    expect(rowOf(rows, south2.tillId)).toMatchObject({ lastPushAt: null, appliedSeq: null });
  });

  it('counts a push whose events were all rejected as contact, without moving the sequence', async () => {
    const before = rowOf(await chainRows(), north.tillId);
    await push(north, [{ not: 'an event' }] as unknown as PosEvent[]);
    const rows = await eventually((rs) => rowOf(rs, north.tillId).pushes === before.pushes + 1);
    const n = rowOf(rows, north.tillId);
    expect(n.lastPushEvents).toBe(0);
    expect(n.pushedSeq).toBe(before.pushedSeq);
    expect(n.lastPushAt).toBeGreaterThanOrEqual(before.lastPushAt ?? 0);
  });

  it('scopes by store: HQ picks any store, a till sees only its own', async () => {
    const south = await tills(`scope=store&storeId=${south1.storeId}`);
    expect(south.status).toBe(200);
    const body = (await south.json()) as TillSyncResponse;
    expect(body).toMatchObject({ scope: 'store', storeId: south1.storeId });
    expect(body.serverTime).toEqual(expect.any(Number));
    expect(body.rows.map((r) => r.tillId).sort()).toEqual([south1.tillId, south2.tillId].sort());

    const own = await tills('scope=store', north.token);
    expect(own.status).toBe(200);
    expect(((await own.json()) as TillSyncResponse).rows.map((r) => r.tillId)).toEqual([
      north.tillId,
    ]);
    expect((await tills(`scope=store&storeId=${south1.storeId}`, north.token)).status).toBe(403);
    expect((await tills('scope=chain', north.token)).status).toBe(403);
    expect((await tills('scope=store')).status).toBe(400);
    expect((await tills('scope=everything')).status).toBe(400);
    expect((await tills('scope=chain', 'not-a-token')).status).toBe(401);
  });
});
