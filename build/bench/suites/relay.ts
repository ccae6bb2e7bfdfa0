// Outbox relay benchmark: does draining a big offline backlog to the real sync service slow the
// checkout? Rings sales with the relay idle (baseline), then with the relay draining a backlog of
// N queued sale events (default 20,000) through gateway -> Kafka -> warehouse, and reports
// checkout latency percentiles for both plus the drain throughput.
// Usage: npm run bench -- relay [--json] [--backlog=20000] [--sales=300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod } from '../../../shared/api/inputs';
import type { ApiOutputs } from '../../../shared/api/outputs';
import { uuidv7 } from '../../../shared/uuidv7';
import { syncEngineOf } from '../../../electron/core/sync/syncHandlers';
import {
  createStoreAndTill,
  freePort,
  startSyncService,
} from '../../../electron/test/sync/syncServiceProcess';
import { coreContext, openTillCore, type TillCore } from '../../../electron/core/tillCore';
import { createTestDatabase, deleteTopics, uniqueTopic } from '../../test/serviceEnv';

const arg = (args: string[], name: string, fallback: number): number => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const summarise = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s[s.length - 1] ?? 0),
  };
};

const caller =
  (core: TillCore) =>
  async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

/** Rings `count` one-line sales and returns each checkout's wall time (open + scan + pay), ms. */
const timedSales = async (core: TillCore, count: number): Promise<number[]> => {
  const call = caller(core);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const cart = await call('cart-open', {});
    const priced = await call('cart-add-item', { cartId: cart.id, code: 'TEA1' });
    await call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: priced.totals.total }],
    });
    times.push(performance.now() - t0);
    // A cashier scans every few hundred ms; give the event loop room as the real UI does.
    await new Promise((r) => setTimeout(r, 2));
  }
  return times;
};

/** Copies one real sale event N times with fresh ids and seqs: a week offline, in one go. */
const queueBacklog = (core: TillCore, n: number): void => {
  const db = core.db;
  const sample = db.prepare("SELECT body FROM outbox WHERE type = 'sale' LIMIT 1").get() as {
    body: string;
  };
  const template = JSON.parse(sample.body) as Record<string, unknown>;
  const bump = db.prepare(
    "UPDATE counters SET value = value + 1 WHERE name = 'outbox_seq' RETURNING value",
  );
  const insert = db.prepare(
    'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const seq = (bump.get() as { value: number }).value;
      const occurredAt = Date.now() - (n - i) * 30_000;
      const eventId = uuidv7(occurredAt);
      const receiptNo = `BENCH-${seq}`;
      const payload = { ...(template.payload as object), receiptNo };
      insert.run(
        seq,
        eventId,
        'sale',
        occurredAt,
        JSON.stringify({ ...template, eventId, seq, occurredAt, payload }),
      );
    }
  })();
};

export default async function relay(args: string[]): Promise<Record<string, unknown>> {
  const backlog = arg(args, 'backlog', 20_000);
  const sales = arg(args, 'sales', 300);
  const database = await createTestDatabase();
  const env = {
    databaseUrl: database.url,
    eventsTopic: uniqueTopic('bench-relay.events'),
    dlqTopic: uniqueTopic('bench-relay.dlq'),
    consumerGroup: uniqueTopic('bench-relay.group'),
    port: await freePort(),
  };
  const service = await startSyncService(env);
  const dir = mkdtempSync(join(tmpdir(), 'bench-relay-'));
  try {
    let core = openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: false } });
    let call = caller(core);
    await call('setup-init', {
      storeName: 'Bench',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Olga',
      ownerPin: '123456',
      demo: false,
    });
    const product = {
      sku: 'TEA1',
      barcodes: ['890TEA1'],
      name: 'Tea',
      category: 'Drinks',
      subCategory: 'Tea',
      unitPrice: 40_00,
      taxRateBp: 500,
      reorderLevel: 0,
      leadTimeDays: 1,
      active: true,
    };
    await call('catalog-upsert', { product });
    await call('shift-open', { openingFloat: 0 });
    const hq = await createStoreAndTill(service.url, 'Bench');
    await call('sync-enroll', { url: service.url, code: hq.code });
    console.log(`baseline: ${sales} checkouts with the relay idle`);
    const baseline = summarise(await timedSales(core, sales));
    queueBacklog(core, backlog);
    core.close();

    core = openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: true } });
    call = caller(core);
    const users = await call('users-list', {});
    await call('auth-login', { userId: users[0]!.id, pin: '123456' });
    const engine = syncEngineOf(coreContext(core));
    if (!engine) throw new Error('no sync engine');
    const t0 = performance.now();
    console.log(
      `draining ${engine.status().pending} queued events while ringing ${sales} checkouts`,
    );
    const during = summarise(await timedSales(core, sales));
    const pendingAfterSales = engine.status().pending;
    while (engine.status().pending > 0) await new Promise((r) => setTimeout(r, 50));
    const drainSeconds = (performance.now() - t0) / 1000;
    core.close();
    return {
      backlogEvents: backlog,
      checkoutsPerPhase: sales,
      checkoutIdleMs: baseline,
      checkoutWhileDrainingMs: during,
      pendingWhenCheckoutsEnded: pendingAfterSales,
      drainSeconds: Math.round(drainSeconds * 10) / 10,
      drainEventsPerSecond: Math.round((backlog + sales) / drainSeconds),
    };
  } finally {
    await service.stop();
    await database.drop();
    await deleteTopics([env.eventsTopic, env.dlqTopic]);
    rmSync(dir, { recursive: true, force: true });
  }
}
