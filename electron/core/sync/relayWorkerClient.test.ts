import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxQueue } from '../outbox/outboxQueue';
import { createPendingTally } from '../outbox/pendingTally';
import { RelayWorkerClient } from './relayWorkerClient';
import { tillIdentityRepo } from '../settings/settingsRepo';
import { createPlainTokenVault, createSyncSettings } from './syncSettings';
import {
  answerPush,
  insertOutboxRows,
  insertTillSettings,
  openTempTillDb,
  startHttpPeer,
  waitFor,
  type TempDb,
} from '../../test/sync/syncTestSupport';

let temp: TempDb;
let peer: Awaited<ReturnType<typeof startHttpPeer>>;
let client: RelayWorkerClient | null = null;

const sentCount = () =>
  (temp.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get() as { n: number })
    .n;

beforeEach(async () => {
  temp = openTempTillDb();
  peer = await startHttpPeer((req, res) => answerPush(req, res));
  insertTillSettings(temp.db, 'S1', 'T1');
  const settings = createSyncSettings(temp.db, tillIdentityRepo(temp.db));
  settings.set('hq_url', peer.url);
  settings.set('token', 'secret-token');
});

afterEach(async () => {
  await client?.stop();
  client = null;
  await peer.close();
  temp.close();
});

const startClient = (pulls: { n: number }): RelayWorkerClient => {
  const settings = createSyncSettings(temp.db, tillIdentityRepo(temp.db));
  client = new RelayWorkerClient({
    db: temp.db,
    queue: createOutboxQueue(temp.db),
    settings,
    vault: createPlainTokenVault(settings),
    now: () => Date.now() + 1_000,
    caps: { maxEvents: 50, maxBytes: 512 * 1024 },
    idlePollMs: 60_000,
    afterPush: async () => {
      pulls.n += 1;
    },
  });
  client.start();
  return client;
};

describe('RelayWorkerClient (the relay on its own thread)', () => {
  it('drains the outbox from its worker, counts pending cheaply, and sends new events on kick', async () => {
    insertOutboxRows(temp.db, 230);
    const pulls = { n: 0 };
    const relay = startClient(pulls);
    const states: number[] = [];
    relay.onState((s) => states.push(s.pending));
    await waitFor(() => relay.state().pending === 0 && sentCount() === 230, 20_000);
    expect(relay.isRunning()).toBe(true);
    expect(states.at(-1)).toBe(0);
    await waitFor(() => pulls.n >= 1, 5_000);
    // The main thread's clock (an injected one) decides sent_at, not the worker's.
    const sentAt = (temp.db.prepare('SELECT max(sent_at) AS t FROM outbox').get() as { t: number })
      .t;
    expect(sentAt).toBeGreaterThan(Date.now());

    // A sale committed while the relay idles is counted at once and goes out on the kick.
    insertOutboxRows(temp.db, 3, 231);
    expect(relay.state().pending).toBe(3);
    relay.kick();
    await waitFor(() => sentCount() === 233, 10_000);
    await relay.stop();
    expect(relay.isRunning()).toBe(false);
    expect(relay.state().pending).toBe(0);
    const pushed = peer.requests.filter((r) => r.url === '/v1/events');
    expect(pushed.every((r) => r.headers.authorization === 'Bearer secret-token')).toBe(true);
  });

  it('stops promptly while the gateway is unreachable, leaving every event pending', async () => {
    insertOutboxRows(temp.db, 10);
    await peer.close();
    peer = await startHttpPeer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    createSyncSettings(temp.db, tillIdentityRepo(temp.db)).set('hq_url', peer.url);
    const relay = startClient({ n: 0 });
    await waitFor(() => relay.state().online === false, 10_000);
    const t0 = Date.now();
    await relay.stop();
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(relay.state().pending).toBe(10);
  });
});

describe('pending tally', () => {
  it('keeps an exact running count as rows are committed and resolved', () => {
    insertOutboxRows(temp.db, 5);
    const tally = createPendingTally(temp.db);
    const queue = createOutboxQueue(temp.db);
    expect(tally.count()).toBe(5);
    insertOutboxRows(temp.db, 4, 6);
    const rows = queue.readPending(7);
    expect(tally.refresh()).toBe(9);
    tally.resolved(
      queue.applyAnswers(
        rows.map((r) => ({ seq: r.seq, status: 'accepted' as const })),
        Date.now(),
      ),
    );
    expect(tally.count()).toBe(2);
    expect(tally.count()).toBe(queue.pendingCount());
    expect(queue.pendingAfter(tally.throughSeq())).toBe(0);
  });
});
