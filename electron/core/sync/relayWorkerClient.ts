// The main thread's handle on the outbox relay, which runs in a worker thread
// (outboxRelayWorker.ts) with its own database connection: the same surface as OutboxRelay
// (start/stop/kick/retryNow/state/onState), so the sync engine does not care where it runs.
// The cashier's event loop only sees small messages; the state it reports is cheap to read
// (the worker's pending tally plus an index probe for sales committed since).
import type Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import type { OutboxQueue } from '../outbox/outboxQueue';
import type { OutboxRelayOptions, RelayState } from './outboxRelay';
import type { FromRelayWorker, ToRelayWorker, WorkerRelayState } from './relayWorkerProtocol';
import { spawnCoreWorker } from '../spawnCoreWorker';
import type { SyncSettings, TokenVault } from './syncSettings';

export interface RelayWorkerClientOptions extends Pick<
  OutboxRelayOptions,
  'caps' | 'backoff' | 'requestTimeoutMs' | 'idlePollMs'
> {
  /** The main connection: the worker opens the same file; state reads go through it. */
  db: Database.Database;
  queue: OutboxQueue;
  settings: SyncSettings;
  vault: TokenVault;
  now: () => number;
  log?: (message: string) => void;
  /** Runs on the main thread when the relay finished a round (HQ pulls write the catalog). */
  afterPush?: () => Promise<void>;
  /** Raised by the main thread around a call's database work; the relay's writes wait on it. */
  cashierGate?: SharedArrayBuffer;
}

/** A worker that does not answer a stop within this long is terminated. */
const STOP_GRACE_MS = 10_000;

export class RelayWorkerClient {
  private readonly opts: RelayWorkerClientOptions;
  private readonly listeners = new Set<(state: RelayState) => void>();
  private worker: Worker | null = null;
  private running = false;
  private last: WorkerRelayState | null = null;
  private lastError: string | null = null;

  constructor(opts: RelayWorkerClientOptions) {
    this.opts = opts;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.last = null;
    this.lastError = null;
    const worker = spawnCoreWorker('sync/outboxRelayWorker');
    this.worker = worker;
    worker.on('message', (message: FromRelayWorker) => this.onMessage(worker, message));
    worker.on('error', (e) => {
      this.lastError = `sync relay thread failed: ${e.message}`;
      this.opts.log?.(this.lastError);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return; // a stop() already let go of it
      this.worker = null;
      this.running = false;
      this.emit();
    });
    const { caps, backoff, requestTimeoutMs, idlePollMs } = this.opts;
    this.post(worker, {
      type: 'start',
      config: {
        dbFile: this.opts.db.name,
        token: this.opts.vault.load(),
        clockOffsetMs: this.clockOffset(),
        ...(caps ? { caps } : {}),
        ...(backoff ? { backoff } : {}),
        ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
        ...(idlePollMs !== undefined ? { idlePollMs } : {}),
        ...(this.opts.cashierGate ? { cashierGate: this.opts.cashierGate } : {}),
      },
    });
    this.emit();
  }

  async stop(): Promise<void> {
    this.running = false;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        this.post(worker, { type: 'stop' });
      });
    }
    this.emit();
  }

  /** After each local commit: a new sale goes out at once when the relay is idle. */
  kick(): void {
    if (this.worker) this.post(this.worker, { type: 'kick', clockOffsetMs: this.clockOffset() });
  }

  retryNow(): void {
    if (this.worker)
      this.post(this.worker, { type: 'retry-now', clockOffsetMs: this.clockOffset() });
  }

  isRunning(): boolean {
    return this.running;
  }

  state(): RelayState {
    const { settings, queue } = this.opts;
    const last = this.last;
    return {
      running: this.running,
      online: last?.online ?? null,
      enrolled: settings.identity() !== null,
      needsReenrolment: settings.needsReenrolment(),
      pending:
        last !== null && this.worker !== null
          ? last.pending + queue.pendingAfter(last.countedThroughSeq)
          : queue.pendingCount(),
      lastSyncAt: settings.lastSyncAt(),
      lastError: this.lastError ?? last?.lastError ?? null,
      nextRetryAt: this.running ? (last?.nextRetryAt ?? null) : null,
    };
  }

  detach(): void {
    this.listeners.clear();
  }

  onState(listener: (state: RelayState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onMessage(worker: Worker, message: FromRelayWorker): void {
    switch (message.type) {
      case 'log':
        this.opts.log?.(message.message);
        return;
      case 'pull': {
        const pulled = this.opts.afterPush?.() ?? Promise.resolve();
        void pulled
          .catch(() => undefined)
          .finally(() => this.post(worker, { type: 'pulled', id: message.id }));
        return;
      }
      case 'state':
        if (this.worker !== worker) return;
        this.last = message.state;
        // The relay ended its own loop (token refused, storage error): let the thread go.
        if (!message.state.running && this.running) void this.stop();
        else this.emit();
        return;
      case 'stopped':
        this.last = { ...message.state, running: false };
        void worker.terminate();
        return;
    }
  }

  private post(worker: Worker, message: ToRelayWorker): void {
    try {
      worker.postMessage(message);
    } catch {
      // The thread is already gone; its exit handler reports that.
    }
  }

  private clockOffset(): number {
    return this.opts.now() - Date.now();
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const l of this.listeners) l(state);
  }
}
