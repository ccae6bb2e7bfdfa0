import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countersRepo } from '../db/counters';
import { outboxRepo, type OutboxRepo } from '../outbox/outboxRepo';
import { createOutboxQueue, type OutboxQueue } from '../outbox/outboxQueue';
import { OutboxRelay, type OutboxRelayOptions } from './outboxRelay';
import { tillIdentityRepo } from '../settings/settingsRepo';
import { createPlainTokenVault, createSyncSettings, type SyncSettings } from './syncSettings';
import {
  answerPush,
  insertOutboxRows,
  insertTillSettings,
  json,
  openTempTillDb,
  startHttpPeer,
  waitFor,
  type PeerHandler,
  type TempDb,
} from '../../test/sync/syncTestSupport';

let temp: TempDb;
let queue: OutboxQueue;
/** The core's outbox repository, the one reader of the counts and the rejected events. */
let outbox: OutboxRepo;
let settings: SyncSettings;
let peer: Awaited<ReturnType<typeof startHttpPeer>> | null = null;
let relay: OutboxRelay | null = null;
let handler: PeerHandler = answerPush;

const statusOf = (seq: number) =>
  temp.db
    .prepare<
      [number],
      { status: string; reject_code: string | null; reject_reason: string | null }
    >('SELECT status, reject_code, reject_reason FROM outbox WHERE seq = ?')
    .get(seq);
const pushes = () => (peer?.requests ?? []).filter((r) => r.url === '/v1/events');

const startRelay = async (extra: Partial<OutboxRelayOptions> = {}): Promise<OutboxRelay> => {
  peer = await startHttpPeer((req, res) => handler(req, res));
  settings.set('hq_url', peer.url);
  relay = new OutboxRelay({
    queue,
    settings,
    vault: createPlainTokenVault(settings),
    backoff: { baseMs: 20, maxMs: 50, minMs: 5 },
    ...extra,
  });
  relay.start();
  return relay;
};

beforeEach(() => {
  temp = openTempTillDb();
  queue = createOutboxQueue(temp.db);
  outbox = outboxRepo(temp.db, countersRepo(temp.db));
  insertTillSettings(temp.db, 'S1', 'T1');
  settings = createSyncSettings(temp.db, tillIdentityRepo(temp.db));
  settings.set('token', 'secret-token');
  handler = answerPush;
});

afterEach(async () => {
  await relay?.stop();
  await peer?.close();
  relay = null;
  peer = null;
  temp.close();
});

describe('OutboxRelay', () => {
  it('drains the queue in seq order in capped batches, with the bearer token', async () => {
    insertOutboxRows(temp.db, 1_200);
    await startRelay();
    await waitFor(() => queue.pendingCount() === 0);
    expect(
      pushes().map((r) => (JSON.parse(r.body) as { events: unknown[] }).events.length),
    ).toEqual([500, 500, 200]);
    const firstSeqs = pushes().map(
      (r) => (JSON.parse(r.body) as { events: { seq: number }[] }).events[0]?.seq,
    );
    expect(firstSeqs).toEqual([1, 501, 1001]);
    expect(pushes()[0]?.headers.authorization).toBe('Bearer secret-token');
    expect(outbox.counts()).toMatchObject({ pending: 0, sent: 1_200, rejected: 0 });
    expect(relay?.state()).toMatchObject({ online: true, pending: 0 });
    expect(settings.lastSyncAt()).not.toBeNull();
  });

  it('marks a refused event rejected with its reason and keeps going', async () => {
    const ids = insertOutboxRows(temp.db, 10);
    handler = (req, res) => answerPush(req, res, new Set([ids[3]!]));
    await startRelay();
    await waitFor(() => queue.pendingCount() === 0);
    expect(statusOf(4)).toEqual({
      status: 'rejected',
      reject_code: 'INVALID_EVENT',
      reject_reason: 'payload.lines: too small',
    });
    expect(statusOf(5)?.status).toBe('sent');
    expect(outbox.rejectedNeedingAttention(10).map((r) => r.eventId)).toEqual([ids[3]]);
    expect(outbox.dismissRejected(ids[3]!, Date.now())).toBe(true);
    expect(outbox.rejectedNeedingAttention(10)).toEqual([]);
    expect(statusOf(4)?.status).toBe('rejected');
    expect(outbox.dismissRejected(ids[4]!, Date.now())).toBe(false);
  });

  it('keeps events pending through 503s and network errors, then delivers them', async () => {
    insertOutboxRows(temp.db, 5);
    let failuresLeft = 3;
    handler = (req, res) => {
      if (failuresLeft-- > 0)
        json(
          res,
          503,
          { code: 'KAFKA_UNAVAILABLE', message: 'Kafka is down' },
          { 'retry-after': '0' },
        );
      else answerPush(req, res);
    };
    const states: (boolean | null)[] = [];
    const r = await startRelay();
    r.onState((s) => states.push(s.online));
    await waitFor(() => queue.pendingCount() === 0);
    expect(pushes()).toHaveLength(4);
    expect(states).toContain(false);
    expect(r.state().online).toBe(true);
  });

  it('retries against an address where nothing listens without losing anything', async () => {
    insertOutboxRows(temp.db, 3);
    settings.set('hq_url', 'http://127.0.0.1:9');
    relay = new OutboxRelay({
      queue,
      settings,
      vault: createPlainTokenVault(settings),
      backoff: { baseMs: 10, maxMs: 20, minMs: 5 },
    });
    relay.start();
    await waitFor(() => relay?.state().online === false);
    await new Promise((r) => setTimeout(r, 100));
    expect(outbox.counts()).toMatchObject({ pending: 3, sent: 0 });
    expect(relay.state().nextRetryAt).not.toBeNull();
  });

  it('keeps going when the disk refuses to record the answers, and drains once it accepts them', async () => {
    insertOutboxRows(temp.db, 5);
    handler = (req, res) => {
      temp.db.pragma('query_only = ON'); // every write now fails with SQLITE_READONLY
      answerPush(req, res);
    };
    const r = await startRelay();
    await waitFor(() => pushes().length >= 2);
    expect(r.isRunning()).toBe(true);
    expect(r.state().lastError).toMatch(/read-only/);
    expect(queue.pendingCount()).toBe(5);
    handler = answerPush;
    temp.db.pragma('query_only = OFF');
    await waitFor(() => queue.pendingCount() === 0);
    expect(outbox.counts()).toMatchObject({ pending: 0, sent: 5 });
  });

  it('stops and asks for re-enrolment on 401', async () => {
    insertOutboxRows(temp.db, 3);
    handler = (_req, res) => json(res, 401, { code: 'UNAUTHENTICATED', message: 'token revoked' });
    const r = await startRelay();
    await waitFor(() => !r.isRunning());
    expect(r.state()).toMatchObject({ needsReenrolment: true, pending: 3 });
    expect(pushes()).toHaveLength(1);
  });

  it('halves the batch on 413 until the gateway takes it', async () => {
    insertOutboxRows(temp.db, 40);
    handler = (req, res) => {
      const { events } = JSON.parse(req.body) as { events: unknown[] };
      if (events.length > 10) json(res, 413, { code: 'TOO_LARGE', message: 'too many' });
      else answerPush(req, res);
    };
    await startRelay({ caps: { maxEvents: 40, maxBytes: 1_000_000 } });
    await waitFor(() => queue.pendingCount() === 0);
    expect(outbox.counts()).toMatchObject({ sent: 40, rejected: 0 });
  });

  it('isolates the one event a whole-request 400 is about', async () => {
    const ids = insertOutboxRows(temp.db, 8);
    handler = (req, res) => {
      const { events } = JSON.parse(req.body) as { events: { eventId: string }[] };
      if (events.some((e) => e.eventId === ids[5]))
        json(res, 400, { code: 'VALIDATION', message: 'events.5 is malformed' });
      else answerPush(req, res);
    };
    await startRelay();
    await waitFor(() => queue.pendingCount() === 0);
    expect(statusOf(6)).toMatchObject({ status: 'rejected', reject_code: 'VALIDATION' });
    expect(outbox.counts()).toMatchObject({ sent: 7, rejected: 1 });
  });

  it('on 403 rejects only the events of another store or till', async () => {
    insertOutboxRows(temp.db, 4, 1, 'S1');
    temp.db.prepare(`UPDATE outbox SET body = json_set(body, '$.tillId', 'T1')`).run();
    temp.db
      .prepare(`UPDATE outbox SET body = json_set(body, '$.storeId', 'S9') WHERE seq = 3`)
      .run();
    handler = (req, res) => {
      const { events } = JSON.parse(req.body) as { events: { storeId: string }[] };
      if (events.some((e) => e.storeId !== 'S1'))
        json(res, 403, { code: 'FORBIDDEN', message: 'not your store' });
      else answerPush(req, res);
    };
    await startRelay();
    await waitFor(() => queue.pendingCount() === 0);
    expect(statusOf(3)?.status).toBe('rejected');
    expect(outbox.counts()).toMatchObject({ sent: 3, rejected: 1 });
  });

  it('rejects locally a stored body that is not JSON, without sending it', async () => {
    insertOutboxRows(temp.db, 3);
    temp.db.prepare("UPDATE outbox SET body = '{broken' WHERE seq = 2").run();
    await startRelay();
    await waitFor(() => queue.pendingCount() === 0);
    expect(statusOf(2)?.status).toBe('rejected');
    expect(statusOf(2)?.reject_code).toBe('UNSENDABLE');
    expect(outbox.counts()).toMatchObject({ sent: 2, rejected: 1 });
  });

  it('stops promptly even when stop() arrives during the HQ pull', async () => {
    insertOutboxRows(temp.db, 2);
    let release = (): void => undefined;
    const pulled = new Promise<void>((r) => (release = r));
    const r = await startRelay({ afterPush: () => pulled, idlePollMs: 60_000 });
    await waitFor(() => queue.pendingCount() === 0);
    const t0 = Date.now();
    const stopped = r.stop();
    release();
    await stopped;
    expect(Date.now() - t0).toBeLessThan(1_000);
    relay = null;
  });

  it('pushes a new sale while a slow HQ pull is still running', async () => {
    insertOutboxRows(temp.db, 2);
    let release = (): void => undefined;
    let pulls = 0;
    const r = await startRelay({
      afterPush: () => {
        pulls += 1;
        return new Promise<void>((res) => (release = res));
      },
      idlePollMs: 60_000,
    });
    await waitFor(() => queue.pendingCount() === 0 && pulls === 1);
    insertOutboxRows(temp.db, 1, 3);
    const t0 = Date.now();
    r.kick();
    await waitFor(() => queue.pendingCount() === 0);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(pulls).toBe(1); // one pull at a time...
    release();
    await waitFor(() => pulls === 2); // ...and the push that landed meanwhile gets its own
    release();
  });

  it('sends a new event within milliseconds of a kick when idle', async () => {
    const r = await startRelay();
    await waitFor(() => r.state().online !== null || pushes().length === 0);
    await new Promise((res) => setTimeout(res, 30));
    insertOutboxRows(temp.db, 1);
    const t0 = Date.now();
    r.kick();
    await waitFor(() => queue.pendingCount() === 0);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});
