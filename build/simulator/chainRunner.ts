// The simulator's parent side: enrols a chain's stores and tills with HQ, publishes the chain
// catalog, and runs the tills in worker processes (several tills per process). It exposes the
// handles the fault suite needs: kill a worker, start it again on the same tills, wait for drain.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChainCatalog } from './chainCatalog';
import { hqAdmin } from './hqAdmin';
import type {
  DayPlan,
  FromWorker,
  SimRelayTuning,
  SimTillSpec,
  ToWorker,
} from './simulatorProtocol';

const WORKER = fileURLToPath(new URL('./tillWorker.ts', import.meta.url));
const REGIONS = ['North', 'South', 'East', 'West'] as const;
const CITIES = ['Delhi', 'Chennai', 'Kolkata', 'Mumbai'] as const;

export interface ChainOptions {
  stores: number;
  tillsPerStore: number;
  seed: number;
  /** Products of the chain catalog (the demo shop has 332). */
  products: number;
  hqUrl: string;
  adminToken: string;
  /** Where the tills' data directories go (one sub-directory per till). */
  dataRoot: string;
  /** Worker processes; tills are dealt out round-robin. */
  workers: number;
  relay?: Partial<SimRelayTuning>;
  trackCommits?: boolean;
  /** Worker stderr lines go here (default: this process's stderr). */
  log?: (line: string) => void;
}

export const DEFAULT_RELAY: SimRelayTuning = {
  backoffBaseMs: 200,
  backoffMaxMs: 2_000,
  idlePollMs: 1_000,
  maxEvents: 200,
};

export interface ChainTill extends SimTillSpec {
  storeId: string;
  tillId: string;
}

interface Worker {
  index: number;
  tills: ChainTill[];
  child: ChildProcess;
  messages: FromWorker[];
  waiters: (() => void)[];
  exited: Promise<void>;
}

/** Creates the chain at HQ: stores, tills (with one-time codes) and the catalog. */
export const enrolChain = async (options: ChainOptions): Promise<ChainTill[]> => {
  const admin = hqAdmin(options.hqUrl, options.adminToken);
  const catalog = buildChainCatalog(options.seed, options.products);
  await admin.putCatalog(catalog.map((p) => p.snapshot));
  const tills: ChainTill[] = [];
  for (let s = 1; s <= options.stores; s++) {
    const region = REGIONS[s % REGIONS.length]!;
    const store = await admin.createStore({
      name: `Shahi Libaas #${s}`,
      city: CITIES[s % CITIES.length]!,
      region,
    });
    for (let t = 1; t <= options.tillsPerStore; t++) {
      const till = await admin.createTill(store.storeId, `Till ${t}`);
      const key = `s${s}t${t}`;
      const dataDir = join(options.dataRoot, key);
      mkdirSync(dataDir, { recursive: true });
      tills.push({
        key,
        dataDir,
        storeName: store.name,
        storeIndex: s,
        tillIndex: t,
        seed: options.seed * 100_003 + s * 101 + t,
        hqUrl: options.hqUrl,
        enrollmentCode: till.enrollmentCode,
        storeId: till.storeId,
        tillId: till.tillId,
      });
    }
  }
  return tills;
};

export class ChainRunner {
  readonly options: ChainOptions;
  readonly tills: ChainTill[];
  readonly workers: Worker[] = [];
  readonly commits = new Map<string, number>();
  failures: string[] = [];

  constructor(options: ChainOptions, tills: ChainTill[]) {
    this.options = options;
    this.tills = tills;
    const count = Math.max(1, Math.min(options.workers, tills.length));
    for (let i = 0; i < count; i++) {
      this.workers.push(
        this.spawn(
          i,
          tills.filter((_, n) => n % count === i),
          false,
        ),
      );
    }
  }

  private spawn(index: number, tills: ChainTill[], resume: boolean): Worker {
    const child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    const log = this.options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    let buffered = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(`[worker ${index}] ${line}`);
    });
    const worker: Worker = {
      index,
      tills,
      child,
      messages: [],
      waiters: [],
      exited: new Promise((r) => child.once('exit', () => r())),
    };
    child.on('message', (raw) => {
      const m = raw as FromWorker;
      if (m.kind === 'commits') for (const [id, at] of m.entries) this.commits.set(id, at);
      if (m.kind === 'generated') this.failures.push(...m.failures);
      worker.messages.push(m);
      for (const w of worker.waiters.splice(0)) w();
    });
    child.once('exit', () => {
      for (const w of worker.waiters.splice(0)) w();
    });
    const specs = tills.map((t) => (resume ? { ...t, enrollmentCode: null } : t));
    this.post(worker, {
      kind: 'open',
      tills: specs,
      catalog: { seed: this.options.seed, count: this.options.products },
      relay: { ...DEFAULT_RELAY, ...this.options.relay },
      trackCommits: this.options.trackCommits ?? false,
    });
    return worker;
  }

  private post(worker: Worker, message: ToWorker): void {
    if (worker.child.connected) worker.child.send(message);
  }

  /** Resolves when the worker has said `kind` (or rejects if it failed or died first). */
  async until(worker: Worker, kind: FromWorker['kind'], timeoutMs = 600_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failed = worker.messages.find((m) => m.kind === 'failed');
      if (failed && failed.kind === 'failed')
        throw new Error(`worker ${worker.index} failed: ${failed.message}`);
      if (worker.messages.some((m) => m.kind === kind)) return;
      if (worker.child.exitCode !== null || worker.child.signalCode !== null)
        throw new Error(`worker ${worker.index} exited before "${kind}"`);
      if (Date.now() > deadline) throw new Error(`worker ${worker.index}: no "${kind}" in time`);
      await new Promise<void>((r) => {
        worker.waiters.push(r);
        setTimeout(r, 1_000);
      });
    }
  }

  async opened(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.until(w, 'opened')));
  }

  /** Forgets what the workers said, so a second `go` (a second benchmark phase) can be awaited. */
  resetProgress(): void {
    for (const w of this.workers) w.messages.length = 0;
  }

  go(plan: DayPlan): void {
    for (const w of this.workers) this.post(w, { kind: 'go', plan });
  }

  /** Stop ringing now (the outboxes still drain). */
  finish(): void {
    for (const w of this.workers) this.post(w, { kind: 'finish' });
  }

  async generated(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.until(w, 'generated')));
  }

  async drained(timeoutMs = 600_000): Promise<void> {
    await Promise.all(this.workers.map((w) => this.until(w, 'drained', timeoutMs)));
  }

  /** Sales rung so far across the chain (from the workers' latest reports). */
  salesSoFar(): number {
    let n = 0;
    for (const w of this.workers) {
      const last = [...w.messages]
        .reverse()
        .find((m) => m.kind === 'progress' || m.kind === 'generated');
      if (last && (last.kind === 'progress' || last.kind === 'generated')) n += last.sales;
    }
    return n;
  }

  /** SIGKILLs one worker (every till in it stops dead, mid-push or mid-sale). */
  async kill(index: number): Promise<void> {
    const w = this.workers[index];
    if (!w) throw new Error(`no worker ${index}`);
    w.child.kill('SIGKILL');
    await w.exited;
  }

  /** Starts a killed worker again on the same tills; they reopen and drain, ringing nothing new. */
  async restart(index: number): Promise<void> {
    const old = this.workers[index];
    if (!old) throw new Error(`no worker ${index}`);
    const w = this.spawn(index, old.tills, true);
    this.workers[index] = w;
    await this.until(w, 'opened');
    this.post(w, { kind: 'go', plan: { firstDay: 0, days: 0, salesPerSecond: 0, maxRealMs: 0 } });
  }

  async close(): Promise<void> {
    for (const w of this.workers) this.post(w, { kind: 'close' });
    await Promise.all(
      this.workers.map(async (w) => {
        const timer = setTimeout(() => w.child.kill('SIGKILL'), 30_000);
        await w.exited;
        clearTimeout(timer);
      }),
    );
  }

  pids(): number[] {
    return this.workers.flatMap((w) => (w.child.pid ? [w.child.pid] : []));
  }
}
