// A worker process hosting several simulated tills (forked by chainRunner.ts with an IPC channel).
// open: set up / reopen the tills; go: trade the planned days; then wait for every outbox to
// drain; close: stop the relays, close the databases, exit. SIGKILL at any point is a fault the
// fault suite injects on purpose: a restarted worker reopens the same data directories.
import { hashPin } from '../../electron/core/users/pinHash';
import { buildChainCatalog, type ChainProduct } from './chainCatalog';
import type { DayPlan, FromWorker, ToWorker } from './simulatorProtocol';
import { SimulatedTill } from './tillSimulation';

const send = (message: FromWorker): void => {
  process.send?.(message);
};
/** For the last messages before exit: resolves once the message is handed to the parent. */
const sendAndFlush = (message: FromWorker): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });

let tills: SimulatedTill[] = [];
let catalog: ChainProduct[] = [];
let trackCommits = false;
let finishing = false;

const COMMIT_TRACKING = `
CREATE TEMP TABLE IF NOT EXISTS commit_times (event_id TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS outbox_commit_time AFTER INSERT ON main.outbox BEGIN
  INSERT OR REPLACE INTO commit_times VALUES (new.event_id, (julianday('now') - 2440587.5) * 86400000.0);
END;`;

const open = async (message: Extract<ToWorker, { kind: 'open' }>): Promise<void> => {
  catalog = buildChainCatalog(message.catalog.seed, message.catalog.count);
  trackCommits = message.trackCommits;
  const pinHash = hashPin('0000');
  // Simulated time starts at the first planned day; setUp happens "that morning".
  const startAt = Date.now();
  for (const spec of message.tills) {
    const till = new SimulatedTill(spec, message.relay, startAt);
    tills.push(till);
    await till.setUp(catalog, pinHash);
    if (spec.enrollmentCode !== null) till.prepareTrading(catalog);
    if (trackCommits) till.core.db.exec(COMMIT_TRACKING);
  }
  send({ kind: 'opened', tills: tills.length });
};

const waitForDrain = async (): Promise<void> => {
  for (;;) {
    if (tills.every((t) => t.pending() === 0)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
};

const go = async (plan: DayPlan): Promise<void> => {
  finishing = false;
  let lastReport = 0;
  const total = (): number => tills.reduce((n, t) => n + t.sales, 0);
  await Promise.all(
    tills.map((t) =>
      t.trade(
        plan,
        () => finishing,
        () => {
          const now = performance.now();
          if (now - lastReport > 1_000) {
            lastReport = now;
            send({ kind: 'progress', sales: total() });
          }
        },
      ),
    ),
  );
  const failures = tills.flatMap((t) => (t.failure ? [t.failure] : []));
  send({ kind: 'generated', sales: total(), failures });
  await waitForDrain();
  send({ kind: 'drained' });
};

const close = async (): Promise<void> => {
  if (trackCommits) {
    const entries: [string, number][] = [];
    for (const t of tills) {
      const rows = t.core.db.prepare('SELECT event_id, at FROM temp.commit_times').raw().all();
      for (const [id, at] of rows as [string, number][]) entries.push([id, at]);
    }
    await sendAndFlush({ kind: 'commits', entries });
  }
  for (const t of tills) await t.close();
  tills = [];
  await sendAndFlush({ kind: 'closed' });
  process.disconnect?.();
  setTimeout(() => process.exit(0), 50);
};

const fail = (e: unknown): void => {
  send({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  setTimeout(() => process.exit(1), 100);
};

process.on('message', (raw) => {
  const message = raw as ToWorker;
  if (message.kind === 'open') open(message).catch(fail);
  else if (message.kind === 'go') go(message.plan).catch(fail);
  else if (message.kind === 'finish') finishing = true;
  else if (message.kind === 'close') close().catch(fail);
});
// The parent went away (killed or crashed): do not linger as an orphan holding till locks.
process.on('disconnect', () => {
  if (tills.length > 0) process.exit(0);
});
