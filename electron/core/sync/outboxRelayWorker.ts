// The outbox relay's thread. Reading the backlog, building requests, waiting on the gateway and
// marking rows sent all happen here, on a connection of its own to the same WAL database, so a
// 100,000-event catch-up never holds the main thread's event loop while a cashier scans.
// Started by RelayWorkerClient (relayWorkerClient.ts) through spawnCoreWorker; speaks
// relayWorkerProtocol.ts.
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { OutboxRelay } from './outboxRelay';
import { createOutboxQueue, type OutboxQueue } from '../outbox/outboxQueue';
import { createPendingTally, type PendingTally } from '../outbox/pendingTally';
import type {
  FromRelayWorker,
  RelayWorkerConfig,
  ToRelayWorker,
  WorkerRelayState,
} from './relayWorkerProtocol';
import { tillIdentityRepo } from '../settings/settingsRepo';
import { createSyncSettings, type TokenVault } from './syncSettings';
import { lowerThisThreadPriority } from '../threadPriority';
import { waitForCashier } from './cashierGate';

const port = parentPort;
if (!port) throw new Error('outboxRelayWorker runs as a worker thread only');
const send = (message: FromRelayWorker): void => port.postMessage(message);

const openConnection = (file: string): Database.Database => {
  const db = new Database(file, { fileMustExist: true });
  // The main connection set WAL (persistent in the file). busy_timeout: the relay waits for a
  // checkout's write lock rather than failing. NORMAL: a status flip lost to a power cut only
  // means the event is pushed again, and HQ is idempotent by eventId; sales stay FULL on theirs.
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
};

/** The queue as the relay sees it, with the pending count kept as a running tally. */
const talliedQueue = (queue: OutboxQueue, tally: PendingTally): OutboxQueue => ({
  ...queue,
  readPending: (limit) => {
    const rows = queue.readPending(limit);
    tally.refresh();
    return rows;
  },
  applyAnswers: (answers, now) => {
    const changed = queue.applyAnswers(answers, now);
    tally.resolved(changed);
    return changed;
  },
  reject: (seq, code, reason, now) => {
    const changed = queue.reject(seq, code, reason, now);
    tally.resolved(changed);
    return changed;
  },
  pendingCount: () => tally.count(),
});

/** A synchronous pause of this thread only (the main thread never waits on it). */
const pauseCell = new Int32Array(new SharedArrayBuffer(4));
const PAUSE_BETWEEN_WRITES_MS = 3;
const pauseBetweenWrites = (): void => {
  Atomics.wait(pauseCell, 0, 0, PAUSE_BETWEEN_WRITES_MS);
};

let db: Database.Database | null = null;
let relay: OutboxRelay | null = null;
let tally: PendingTally | null = null;
let clockOffsetMs = 0;
let nextPullId = 1;
const pulls = new Map<number, () => void>();

const stateOf = (r: OutboxRelay): WorkerRelayState => ({
  ...r.state(),
  countedThroughSeq: tally?.throughSeq() ?? 0,
});

const start = (config: RelayWorkerConfig): void => {
  clockOffsetMs = config.clockOffsetMs;
  // A backlog is background work: on a contended CPU the cashier's thread and the UI go first.
  const priority = lowerThisThreadPriority();
  send({
    type: 'log',
    message: priority.lowered
      ? `sync relay thread runs at nice ${priority.nice}`
      : `sync relay thread keeps normal priority (${priority.reason})`,
  });
  db = openConnection(config.dbFile);
  tally = createPendingTally(db);
  // The settings row through its owner's repository, on this thread's own connection.
  const settings = createSyncSettings(db, tillIdentityRepo(db));
  const token = config.token;
  const gate = config.cashierGate;
  // The token was loaded by the main thread's vault; enrolment stops this worker before it changes.
  const vault: TokenVault = {
    load: () => token,
    store: () => undefined,
    clear: () => undefined,
  };
  relay = new OutboxRelay({
    queue: talliedQueue(
      createOutboxQueue(db, {
        betweenWrites: pauseBetweenWrites,
        ...(gate ? { beforeWrite: () => void waitForCashier(gate) } : {}),
      }),
      tally,
    ),
    settings,
    vault,
    now: () => Date.now() + clockOffsetMs,
    log: (message) => send({ type: 'log', message }),
    ...(config.caps ? { caps: config.caps } : {}),
    ...(config.backoff ? { backoff: config.backoff } : {}),
    ...(config.requestTimeoutMs !== undefined ? { requestTimeoutMs: config.requestTimeoutMs } : {}),
    ...(config.idlePollMs !== undefined ? { idlePollMs: config.idlePollMs } : {}),
    afterPush: () =>
      new Promise<void>((resolve) => {
        const id = nextPullId++;
        pulls.set(id, resolve);
        send({ type: 'pull', id });
      }),
  });
  const r = relay;
  r.onState(() => send({ type: 'state', state: stateOf(r) }));
  r.start();
};

const stop = async (): Promise<void> => {
  // A pull the main thread will never answer now must not keep the loop from ending.
  for (const resolve of pulls.values()) resolve();
  pulls.clear();
  const r = relay;
  if (r) {
    r.detach();
    await r.stop();
  }
  const final = r ? stateOf(r) : null;
  db?.close();
  db = null;
  if (final) send({ type: 'stopped', state: final });
  else send({ type: 'stopped', state: emptyState() });
  port.close();
};

const emptyState = (): WorkerRelayState => ({
  running: false,
  online: null,
  enrolled: false,
  needsReenrolment: false,
  pending: 0,
  lastSyncAt: null,
  lastError: null,
  nextRetryAt: null,
  countedThroughSeq: 0,
});

port.on('message', (message: ToRelayWorker) => {
  switch (message.type) {
    case 'start':
      start(message.config);
      return;
    case 'kick':
      clockOffsetMs = message.clockOffsetMs;
      relay?.kick();
      return;
    case 'retry-now':
      clockOffsetMs = message.clockOffsetMs;
      relay?.retryNow();
      return;
    case 'pulled':
      pulls.get(message.id)?.();
      pulls.delete(message.id);
      return;
    case 'stop':
      void stop();
      return;
  }
});
