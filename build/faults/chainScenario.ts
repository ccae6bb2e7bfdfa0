// Runs one fault scenario over a simulated chain: enrol a few stores, start their tills ringing,
// let the scenario inject its fault and heal it, then wait for every outbox to drain and the
// warehouse to catch up, and check the invariants. Recovery time runs from the heal to the moment
// the warehouse holds every committed event.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ChainRunner, enrolChain } from '../simulator/chainRunner';
import { defaultDataRoot } from '../simulator/simulatorArgs';
import { DAY_MS, IST_OFFSET_MS } from '../simulator/tillSimulation';
import { readTillLedger } from '../simulator/tillLedger';
import { lastDeadLetterId, verifyChain, warehouseCount } from './chainInvariants';
import { ADMIN_TOKEN, type FaultEnvironment } from './faultEnvironment';

export interface FaultScale {
  stores: number;
  tillsPerStore: number;
  days: number;
  /** Sales per second per till while ringing. */
  rate: number;
  products: number;
  postgresDownMs: number;
  /** How long the gateway stays away in the offline scenario. */
  offlineMs: number;
}

/** FAULTS_SCALE=1 (default, npm test): 2 stores × 1 till, a few hundred events per scenario. */
export const faultScale = (): FaultScale => {
  const k = Math.max(1, Math.floor(Number(process.env.FAULTS_SCALE ?? '1')) || 1);
  if (k === 1)
    return {
      stores: 2,
      tillsPerStore: 1,
      days: 6,
      rate: 40,
      products: 12,
      postgresDownMs: 10_000,
      offlineMs: 5_000,
    };
  return {
    stores: 2 * k,
    tillsPerStore: 2,
    days: 6 + 2 * k,
    rate: 40,
    products: 40,
    postgresDownMs: 30_000,
    offlineMs: 15_000,
  };
};

export interface ScenarioResult {
  scenario: string;
  events: number;
  lost: number;
  duplicated: number;
  recoveryMs: number;
  violations: string[];
}

export interface FaultContext {
  world: FaultEnvironment;
  chain: ChainRunner;
  scale: FaultScale;
  /** Waits until the warehouse holds at least n of this chain's events (traffic is flowing). */
  flowing(n?: number): Promise<void>;
}

/** What the fault step reports: when healing began, and dead letters it planted on purpose. */
export interface FaultOutcome {
  healedAt: number;
  planted?: number;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const runChainScenario = async (
  world: FaultEnvironment,
  scenario: string,
  fault: (ctx: FaultContext) => Promise<FaultOutcome>,
  scale: FaultScale = faultScale(),
): Promise<ScenarioResult> => {
  const deadLettersBefore = await lastDeadLetterId(world.pool);
  const dataRoot = mkdtempSync(join(defaultDataRoot(), 'pos-faults-'));
  const options = {
    stores: scale.stores,
    tillsPerStore: scale.tillsPerStore,
    seed: 7,
    products: scale.products,
    hqUrl: world.url,
    adminToken: ADMIN_TOKEN,
    dataRoot,
    workers: 2,
  };
  let chain: ChainRunner | null = null;
  world.begin(scenario);
  try {
    const tills = await enrolChain(options);
    const stores = [...new Set(tills.map((t) => t.storeId))];
    chain = new ChainRunner(options, tills);
    await chain.opened();
    const today = Math.floor((Date.now() + IST_OFFSET_MS) / DAY_MS);
    chain.go({
      firstDay: today - scale.days,
      days: scale.days,
      salesPerSecond: scale.rate,
      maxRealMs: 0,
    });
    const running = chain;
    const outcome = await fault({
      world,
      chain: running,
      scale,
      flowing: async (n = 20) => {
        const deadline = Date.now() + 120_000;
        while ((await warehouseCount(world.pool, stores)) < n) {
          if (Date.now() > deadline)
            throw new Error(`${scenario}: traffic never reached the warehouse`);
          await sleep(100);
        }
      },
    });
    await world.whileServing(chain.generated());
    await world.whileServing(chain.drained(300_000));
    await chain.close();
    const ledgers = tills.map((t) => readTillLedger(t.key, t.dataDir));
    const committed = ledgers.reduce((n, l) => n + l.eventIds.length, 0);
    const deadline = Date.now() + 180_000;
    const landed = async (): Promise<void> => {
      while ((await warehouseCount(world.pool, stores)) < committed && Date.now() < deadline)
        await sleep(100);
    };
    await world.whileServing(landed());
    const recoveryMs = Math.round(performance.now() - outcome.healedAt);
    await sleep(1_500); // a duplicate or a late stray would land in this window
    const verdict = await verifyChain(world.pool, ledgers, {
      afterId: deadLettersBefore,
      planted: outcome.planted ?? 0,
    });
    if (chain.failures.length > 0) verdict.violations.push(...chain.failures);
    if (verdict.violations.length > 0)
      world.keepServiceLogs(scenario, `broke: ${verdict.violations.join('; ')}`);
    world.settled();
    return { scenario, recoveryMs, ...verdict };
  } catch (e) {
    world.keepServiceLogs(scenario, `crashed: ${e instanceof Error ? e.message : String(e)}`);
    world.settled();
    throw e;
  } finally {
    await chain?.close().catch(() => undefined);
    rmSync(dataRoot, { recursive: true, force: true });
  }
};

export const formatFaultTable = (results: readonly ScenarioResult[]): string => {
  const rows = [
    ['scenario', 'events', 'lost', 'duplicated', 'recovery', 'verdict'],
    ...results.map((r) => [
      r.scenario,
      String(r.events),
      String(r.lost),
      String(r.duplicated),
      `${(r.recoveryMs / 1_000).toFixed(1)} s`,
      r.violations.length === 0 ? 'ok' : `FAIL: ${r.violations.join('; ')}`,
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 5 ? cell : cell.padEnd(widths[c]!))).join('  '))
    .join('\n');
};
