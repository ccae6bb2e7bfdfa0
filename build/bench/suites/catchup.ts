// Catch-up benchmark (issue 4): a till that rang 100,000 three-line sales offline (real checkout
// path, cached fixture) meets the real sync service; how fast do they all show in HQ's rollups,
// does the checkout UI stay fast while the relay drains, do HQ's totals equal the till's to the
// minor unit, and how fast does the HQ dashboard draw 3 years of months for a 50-store chain.
// Usage: npm run bench -- catchup [--json] [--sales=100000] [--stores=50] [--scans=60] [--hq-nice=10]
//
// HQ (gateway, consumer, Kafka, Postgres) shares this machine's cores with the till here; in a
// shop it runs elsewhere. While the checkout is timed during the drain, HQ's processes run at
// nice --hq-nice (0: as they are) so the till is not starved by a stand-in for another machine;
// the output says what was lowered. Idle and draining scans are measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { type Page } from 'playwright-core';
import { launchChromium } from '../../test/launchChromium';
import type { SummaryResponse } from '../../../shared/sync/analyticsApi';
import { syncEngineOf } from '../../../electron/core/sync/syncHandlers';
import {
  createStoreAndTill,
  freePort,
  startSyncService,
  type RunningSyncService,
} from '../../../electron/test/sync/syncServiceProcess';
import { coreContext, openTillCore, type TillCore } from '../../../electron/core/tillCore';
import { createHqAdmin, HQ_ADMIN } from '../../test/hqAccount';
import { createTestDatabase, deleteTopics, uniqueTopic } from '../../test/serviceEnv';
import { loadChain } from '../catchup/chainDataset';
import { hqRenderMs, percentile, round, scanTimes, sleep } from '../catchup/checkoutTiming';
import { createHqPriority, kafkaPid } from '../catchup/hqPriority';
import { OWNER, TIME_ZONE, caller, copyQueuedSalesFixture } from '../catchup/queuedSalesFixture';
import { serveTill } from '../catchup/tillHost';
import { localDayOf } from '../../../shared/calendar';

const KAFKA_PID_FILE = fileURLToPath(
  new URL('../../.cache/services/kafka/kafka.pid', import.meta.url),
);

interface ScanPhase {
  times: number[];
  /** The core's own time for each cart-add-item call (includes any SQLite lock wait). */
  coreMs: number[];
  loopP99Ms: number;
  loopMaxMs: number;
  load1m: number;
}

/** Scans first..last, with the till process's event-loop delay and the core's share measured. */
const scanPhase = async (
  page: Page,
  first: number,
  last: number,
  coreCalls: { add: number[] },
): Promise<ScanPhase> => {
  coreCalls.add = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const times = await scanTimes(page, first, last);
  loop.disable();
  return {
    times,
    coreMs: coreCalls.add,
    loopP99Ms: round(loop.percentile(99) / 1e6),
    loopMaxMs: round(loop.max / 1e6),
    load1m: round(loadavg()[0] ?? 0, 2),
  };
};

const arg = (args: string[], name: string, fallback: number): number => {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const storeDay = (ms: number) => localDayOf(ms, TIME_ZONE);

const until = async (
  what: string,
  check: () => Promise<boolean> | boolean,
  ms: number,
  everyMs = 100,
) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
};

const hqSummary = async (url: string, storeId: string, from: string, to: string) => {
  const q = new URLSearchParams({ scope: 'store', storeId, grain: 'year', from, to });
  const res = await fetch(`${url}/v1/analytics/summary?${q.toString()}`, {
    headers: { authorization: 'Bearer dev-admin-token' },
  });
  if (!res.ok) throw new Error(`summary answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as SummaryResponse;
};

export default async function catchup(args: string[]): Promise<Record<string, unknown>> {
  const sales = arg(args, 'sales', 100_000);
  const stores = arg(args, 'stores', 50);
  const scans = arg(args, 'scans', 60);
  const hqNice = arg(args, 'hq-nice', 10);
  // Relay batch size (default: the relay's own, 500 events); for profiling the cashier's wait.
  const batch = arg(args, 'batch', 0);
  const log = (s: string) => console.log(s);
  const dir = mkdtempSync(join(tmpdir(), 'bench-catchup-'));
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined);
  const env = {
    databaseUrl: database.url,
    eventsTopic: uniqueTopic('bench-catchup.events'),
    dlqTopic: uniqueTopic('bench-catchup.dlq'),
    consumerGroup: uniqueTopic('bench-catchup.group'),
    port: await freePort(),
  };
  let service: RunningSyncService | null = null;
  let core: TillCore | null = null;
  const browser = await launchChromium();
  try {
    const { buildMs } = await copyQueuedSalesFixture(sales, dir, log);
    service = await startSyncService(env);
    const url = service.url;
    // The HQ tab's chain view signs in with an HQ account, never the admin token.
    await createHqAdmin(database.url);

    // Enrol with the relay off: the queued outbox is re-keyed to HQ's ids, nothing is sent yet.
    core = openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: false } });
    let call = caller(core);
    const owner = (await call('users-list', {})).find((u) => u.role === 'owner')!;
    await call('auth-login', { userId: owner.id, pin: OWNER.pin });
    const hq = await createStoreAndTill(url, 'Catch-up Store');
    const tEnroll = performance.now();
    await call('sync-enroll', { url, code: hq.code });
    const enrollRekeyS = (performance.now() - tEnroll) / 1000;
    const queued = syncEngineOf(coreContext(core))!.status().pending;
    core.close();

    const chain = await loadChain(url, stores, 2, log);
    await until(
      'the chain in the warehouse',
      async () =>
        Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]?.n) >=
        chain.events,
      300_000,
    );
    log(`chain: ${chain.events} events applied; HQ goes down, the till reopens with its queue`);
    const tStop = performance.now();
    await service.stop();
    service = null;
    log(`HQ stopped in ${Math.round(performance.now() - tStop)} ms`);

    core = openTillCore({
      dataDir: dir,
      // The relay's own account of a stop or a failed pull: a bench that hangs says why.
      log: (message) => {
        if (/stopped|failed|error/i.test(message)) console.error(`till: ${message}`);
      },
      sync: {
        autoStart: true,
        relay: {
          backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 },
          ...(batch > 0 ? { caps: { maxEvents: batch, maxBytes: 512 * 1024 } } : {}),
        },
      },
    });
    call = caller(core);
    const engine = syncEngineOf(coreContext(core))!;
    const coreCalls = { add: [] as number[] };
    const host = await serveTill(core, (method, ms) => {
      if (method === 'cart-add-item') coreCalls.add.push(ms);
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await page.goto(host.url);
    await page.getByTestId(`login-user-${OWNER.name}`).click();
    await page.keyboard.type(OWNER.pin);
    await page.keyboard.press('Enter');
    await page.getByTestId('dashboard-today').waitFor();
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('scan-field').waitFor();
    log(`checkout UI: ${scans} scans with the relay idle (HQ down, ${queued} queued)`);
    const idle = await scanPhase(page, 1, scans, coreCalls);

    service = await startSyncService(env);
    const running = service;
    const t0 = performance.now();
    const hqPriority = createHqPriority({
      nice: hqNice,
      syncServicePid: () => running.child.pid ?? null,
      kafkaPid: kafkaPid(KAFKA_PID_FILE),
      pool,
      database: database.name,
    });
    await until('the relay to start draining', () => engine.status().pending < queued, 30_000);
    log('checkout UI: the same scans while the relay drains');
    if (hqNice > 0) hqPriority.lower();
    let draining: ScanPhase;
    try {
      draining = await scanPhase(page, scans + 1, 2 * scans, coreCalls);
    } finally {
      const stuck = hqPriority.restore();
      if (stuck > 0)
        console.warn(`${stuck} HQ threads stay at nice ${hqNice}: raising them back needs root`);
    }
    const hqPriorityNote = hqNice > 0 ? hqPriority.summary() : 'HQ processes at normal priority';
    const pendingAfterScans = engine.status().pending;
    // Printed at once: the later HQ phases depend on shared services and may still fail.
    const p95 = (xs: number[]) => round(percentile(xs, 95));
    log(
      `checkout UI add-item p95: idle ${p95(idle.times)} ms, draining ${p95(draining.times)} ms ` +
        `(core ${p95(idle.coreMs)} / ${p95(draining.coreMs)} ms); till event-loop delay p99 ` +
        `${idle.loopP99Ms} / ${draining.loopP99Ms} ms; load ${idle.load1m} / ${draining.load1m}; ` +
        `HQ: ${hqPriorityNote}`,
    );

    let drainedS = 0;
    // Polled slowly: status() counts the outbox, work the till itself would not do that often.
    void until('the relay to drain', () => engine.status().pending === 0, 900_000, 1_000).then(
      () => {
        drainedS = (performance.now() - t0) / 1000;
        log(`relay drained after ${round(drainedS)} s`);
      },
      () => undefined,
    );
    const from = storeDay(Date.now() - 2 * 365 * 86_400_000);
    const to = storeDay(Date.now() + 86_400_000);
    await until(
      'every sale in HQ rollups',
      async () => (await hqSummary(service!.url, hq.storeId, from, to)).totals.orders >= sales,
      900_000,
    );
    const catchupS = (performance.now() - t0) / 1000;
    const hqTotals = (await hqSummary(service.url, hq.storeId, from, to)).totals;
    const till = core.db
      .prepare(
        "SELECT count(*) AS orders, coalesce(sum(net), 0) AS net FROM sales WHERE kind = 'sale'",
      )
      .get() as { orders: number; net: number };
    const lines = (core.db.prepare('SELECT count(*) AS n FROM sale_lines').get() as { n: number })
      .n;
    log(`caught up: ${sales} sales (${lines} lines) in ${round(catchupS)} s`);

    // HQ view of the chain, three years of months for every store.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dash-tab-hq').click();
    await page.getByTestId('hq-url').fill(service.url);
    await page.getByTestId('hq-email').fill(HQ_ADMIN.email);
    await page.getByTestId('hq-password').fill(HQ_ADMIN.password);
    await page.getByTestId('hq-connect-submit').click();
    await page.getByTestId('dashboard-hq').waitFor();
    await page.getByTestId('filter-from').fill(storeDay(Date.now() - 3 * 365 * 86_400_000));
    const renders: number[] = [];
    for (let i = 0; i < 6; i++) renders.push(await hqRenderMs(page));
    await host.close();

    return {
      sales,
      sale_lines: lines,
      fixture_build_ms: buildMs,
      enroll_rekey_s: round(enrollRekeyS, 2),
      catchup_total_s: round(catchupS),
      relay_drained_s: round(drainedS),
      catchup_sales_per_s: Math.round(sales / catchupS),
      catchup_target_sales_per_s: 2_000,
      checkout_add_item_idle_p50_ms: round(percentile(idle.times, 50)),
      checkout_add_item_idle_p95_ms: p95(idle.times),
      checkout_add_item_p50_ms: round(percentile(draining.times, 50)),
      checkout_add_item_p95_ms: p95(draining.times),
      checkout_add_item_p95_ratio_draining_vs_idle: round(
        percentile(draining.times, 95) / percentile(idle.times, 95),
        2,
      ),
      checkout_add_item_target_p95_ms: 50,
      // Under a noisy shared machine p95 of 60 scans is the 4th-slowest scan: the counts say more.
      checkout_scans_over_50ms_idle: idle.times.filter((t) => t > 50).length,
      checkout_scans_over_50ms_draining: draining.times.filter((t) => t > 50).length,
      checkout_scans_per_phase: scans,
      core_add_item_idle_p95_ms: p95(idle.coreMs),
      core_add_item_draining_p95_ms: p95(draining.coreMs),
      relay_batch_events: batch > 0 ? batch : 500,
      till_event_loop_delay_p99_ms_idle: idle.loopP99Ms,
      till_event_loop_delay_p99_ms_while_draining: draining.loopP99Ms,
      till_event_loop_delay_max_ms_while_draining: draining.loopMaxMs,
      load_avg_1m_idle_scans: idle.load1m,
      load_avg_1m_draining_scans: draining.load1m,
      hq_priority: hqPriorityNote,
      pending_when_scans_ended: pendingAfterScans,
      chain_stores: stores + 1,
      chain_events: chain.events,
      dashboard_render_ms_first: round(renders[0] ?? 0),
      dashboard_render_ms: round(percentile(renders.slice(1), 50)),
      dashboard_render_ms_max: round(Math.max(...renders.slice(1))),
      hq_orders: hqTotals.orders,
      till_orders: till.orders,
      mismatch_minor_units: hqTotals.netSales - till.net,
    };
  } finally {
    await browser.close();
    core?.close();
    await service?.stop();
    await pool.end();
    await database.drop();
    await deleteTopics([env.eventsTopic, env.dlqTopic]);
    rmSync(dir, { recursive: true, force: true });
  }
}
