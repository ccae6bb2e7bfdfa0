// One simulator run end to end: a sync service (the one given, or a fresh one of our own), the
// chain enrolled, tills trading in worker processes, every outbox drained, and the summary of
// what each till committed.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  startSyncService,
  type RunningSyncService,
} from '../../electron/test/sync/syncServiceProcess';
import {
  createTestDatabase,
  deleteTopics,
  uniqueTopic,
  type TestDatabase,
} from '../test/serviceEnv';
import { ChainRunner, enrolChain } from './chainRunner';
import { defaultDataRoot, type SimulatorArgs } from './simulatorArgs';
import { DAY_MS, IST_OFFSET_MS } from './tillSimulation';
import { readTillLedger, type TillLedger } from './tillLedger';

export type TillSummary = Omit<TillLedger, 'eventIds' | 'rejectedIds'>;

export interface SimulationSummary {
  stores: number;
  tillsPerStore: number;
  days: number;
  seed: number;
  rate: number;
  hqUrl: string;
  databaseUrl: string | null;
  realSeconds: number;
  totals: { events: number; sales: number; returns: number; net: number; pending: number };
  tills: TillSummary[];
}

const summarise = (ledger: TillLedger): TillSummary => {
  const { eventIds: _ids, rejectedIds: _rejected, ...rest } = ledger;
  return rest;
};

export const runSimulation = async (
  args: SimulatorArgs,
  progress: (line: string) => void,
): Promise<SimulationSummary> => {
  const started = performance.now();
  let database: TestDatabase | null = null;
  let service: RunningSyncService | null = null;
  const topics = { events: uniqueTopic('sim.events'), dlq: uniqueTopic('sim.dlq') };
  const dataRoot = mkdtempSync(join(args.dataDir ?? defaultDataRoot(), 'pos-sim-'));
  try {
    let hqUrl = args.syncUrl;
    if (hqUrl === null) {
      database = await createTestDatabase();
      progress(
        `starting a throwaway sync service on database ${database.name} (to fill a running HQ ` +
          'instead, pass --sync-url http://127.0.0.1:8787) ...',
      );
      service = await startSyncService({
        databaseUrl: database.url,
        eventsTopic: topics.events,
        dlqTopic: topics.dlq,
        consumerGroup: uniqueTopic('sim.group'),
        port: await freePort(),
      });
      hqUrl = service.url;
    }
    const options = {
      stores: args.stores,
      tillsPerStore: args.tills,
      seed: args.seed,
      products: args.products,
      hqUrl,
      adminToken: args.adminToken,
      dataRoot,
      workers: args.workers,
    };
    progress(`enrolling ${args.stores} stores × ${args.tills} tills at ${hqUrl} ...`);
    const tills = await enrolChain(options);
    const chain = new ChainRunner(options, tills);
    await chain.opened();
    progress(
      `${tills.length} tills set up in ${chain.workers.length} worker processes; trading ${args.days} days`,
    );
    const today = Math.floor((Date.now() + IST_OFFSET_MS) / DAY_MS);
    const ringing = performance.now();
    chain.go({
      firstDay: today - args.days,
      days: args.days,
      salesPerSecond: args.rate,
      maxRealMs: args.duration * 1_000,
    });
    const ticker = setInterval(() => progress(`  ${chain.salesSoFar()} sales rung`), 5_000);
    try {
      await chain.generated();
      progress(
        `rung ${chain.salesSoFar()} sales in ${((performance.now() - ringing) / 1_000).toFixed(1)} s; draining outboxes ...`,
      );
      await chain.drained();
    } finally {
      clearInterval(ticker);
      await chain.close();
    }
    for (const f of chain.failures) progress(`till failure: ${f}`);
    const ledgers = tills.map((t) => readTillLedger(t.key, t.dataDir));
    const sum = (f: (l: TillLedger) => number): number => ledgers.reduce((n, l) => n + f(l), 0);
    return {
      stores: args.stores,
      tillsPerStore: args.tills,
      days: args.days,
      seed: args.seed,
      rate: args.rate,
      hqUrl,
      databaseUrl: args.keepDb ? (database?.url ?? null) : null,
      realSeconds: Math.round((performance.now() - started) / 100) / 10,
      totals: {
        events: sum((l) => l.events),
        sales: sum((l) => l.sales),
        returns: sum((l) => l.returns),
        net: sum((l) => l.net),
        pending: sum((l) => l.pending),
      },
      tills: ledgers.map(summarise),
    };
  } finally {
    await service?.stop();
    if (database && !args.keepDb) {
      await database.drop();
      await deleteTopics([topics.events, topics.dlq]);
    }
    rmSync(dataRoot, { recursive: true, force: true });
  }
};
