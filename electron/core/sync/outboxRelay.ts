// Pushes the till's outbox to the sync-service gateway, oldest first, and marks a row sent only
// once the gateway has answered for that very event (which it does only after Kafka acked).
// Nothing is ever deleted. Network trouble and 5xx are retried forever with jittered backoff; a
// per-event refusal marks that one event rejected and the queue moves on. Killing the process at
// any point is safe: unanswered rows are still pending and are pushed again on restart, and the
// gateway, Kafka consumer and warehouse are idempotent by eventId.
import { storageFailureOf } from '../db/storageFailure';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { pushEvents, type PushResult } from './gatewayClient';
import { DEFAULT_BATCH_CAPS, takeBatch, type Batch, type BatchCaps } from './outboxBatch';
import type { EventAnswer, OutboxQueue } from '../outbox/outboxQueue';
import type { SyncIdentity, SyncSettings, TokenVault } from './syncSettings';

export interface RelayState {
  running: boolean;
  /** null until the gateway has been tried once since start. */
  online: boolean | null;
  enrolled: boolean;
  needsReenrolment: boolean;
  pending: number;
  lastSyncAt: number | null;
  lastError: string | null;
  nextRetryAt: number | null;
}

export interface OutboxRelayOptions {
  queue: OutboxQueue;
  settings: SyncSettings;
  vault: TokenVault;
  now?: () => number;
  log?: (message: string) => void;
  caps?: BatchCaps;
  backoff?: BackoffPolicy;
  random?: () => number;
  requestTimeoutMs?: number;
  /** Runs after a push round that sent something, and on each idle poll (HQ pulls). */
  afterPush?: () => Promise<void>;
  /** How long the relay idles with an empty queue before polling HQ again. */
  idlePollMs?: number;
}

type StepOutcome = 'drained' | 'progress' | 'retry' | 'stop';

export class OutboxRelay {
  private readonly opts: OutboxRelayOptions;
  private readonly now: () => number;
  private readonly listeners = new Set<(state: RelayState) => void>();
  private caps: BatchCaps;
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private kicked = false;
  private failures = 0;
  private inFlight: AbortController | null = null;
  private pulling = false;
  private pullAgain = false;
  private online: boolean | null = null;
  private lastError: string | null = null;
  private nextRetryAt: number | null = null;
  private retryAfterMs: number | null = null;

  constructor(opts: OutboxRelayOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.caps = { ...(opts.caps ?? DEFAULT_BATCH_CAPS) };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.loopDone = this.loop().catch((e: unknown) => {
      // A bug or a storage error: log it, stop, and say so in the state rather than spin.
      this.lastError = e instanceof Error ? e.message : String(e);
      this.opts.log?.(`sync relay stopped: ${this.lastError}`);
      this.running = false;
      this.emit();
    });
    this.emit();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.inFlight?.abort();
    this.wake?.();
    await this.loopDone;
    this.loopDone = null;
    this.emit();
  }

  /** Called after each local commit so a new sale goes out at once when the queue is idle. */
  kick(): void {
    this.kicked = true;
    if (this.nextRetryAt === null) this.wake?.();
  }

  /**
   * HQ's side (catalog, analytics) is pulled beside the pushes, never in front of them: the
   * chain bench saw each push wait for the previous round's analytics pull, so a sale rung
   * during a slow HQ query sat in the outbox for seconds. One pull at a time; a push that lands
   * during a pull asks for one more pull after it.
   */
  private pullFromHq(): void {
    const afterPush = this.opts.afterPush;
    if (!afterPush) return;
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    this.pullAgain = false;
    void afterPush()
      .catch((e: unknown) =>
        this.opts.log?.(`sync pull failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        this.pulling = false;
        if (this.pullAgain && this.running) this.pullFromHq();
      });
  }

  /** The owner asked to sync now: cut a backoff wait short and push at once. */
  retryNow(): void {
    this.kicked = true;
    this.wake?.();
  }

  isRunning(): boolean {
    return this.running;
  }

  state(): RelayState {
    const { settings, queue } = this.opts;
    return {
      running: this.running,
      online: this.online,
      enrolled: settings.identity() !== null,
      needsReenrolment: settings.needsReenrolment(),
      pending: queue.pendingCount(),
      lastSyncAt: settings.lastSyncAt(),
      lastError: this.lastError,
      nextRetryAt: this.nextRetryAt,
    };
  }

  /** Drops every state listener (the owner is closing; the database may be gone next). */
  detach(): void {
    this.listeners.clear();
  }

  onState(listener: (state: RelayState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One push round; exposed for tests and for a manual "sync now". */
  async step(): Promise<StepOutcome> {
    const { queue, settings, vault } = this.opts;
    const identity = settings.identity();
    const token = vault.load();
    if (identity === null || token === null || settings.needsReenrolment()) return 'stop';
    const rows = queue.readPending(this.caps.maxEvents);
    if (rows.length === 0) return 'drained';
    const { batch, unsendable } = takeBatch(rows, this.caps);
    for (const u of unsendable) queue.reject(u.row.seq, 'UNSENDABLE', u.reason, this.now());
    if (batch === null) return 'progress';

    this.inFlight = new AbortController();
    const answer = await pushEvents(
      identity.hqUrl,
      token,
      batch.payload,
      this.opts.requestTimeoutMs ?? 30_000,
      this.inFlight.signal,
    );
    this.inFlight = null;
    if (answer.kind === 'ok') return this.applyResults(batch, answer.value);
    // Re-enrolled while the request was out (bodies re-keyed, new token): judge nothing by it.
    const now = settings.identity();
    if (
      vault.load() !== token ||
      now?.storeId !== identity.storeId ||
      now.tillId !== identity.tillId
    )
      return 'progress';
    switch (answer.kind) {
      case 'retry':
        this.online = false;
        this.lastError = answer.reason;
        this.retryAfterMs = answer.retryAfterMs;
        return 'retry';
      case 'unauthorized':
        return this.needReenrolment(answer.reason);
      case 'forbidden':
        this.online = true;
        return this.rejectForeign(batch, identity, answer.reason);
      case 'too-large':
      case 'refused':
        this.online = true;
        return this.splitOrReject(
          batch,
          answer.kind === 'too-large' ? 'TOO_LARGE' : answer.code,
          answer.reason,
        );
    }
  }

  /**
   * The till's disk refused a write (full, read-only) while recording the gateway's answers. That
   * heals when space returns, and the answered rows are still pending, so re-sending them is
   * harmless (idempotent by eventId): back off and retry, as for a network outage, instead of
   * stopping the relay until the next restart. Anything else is a bug and still stops it.
   */
  private storageTrouble(e: unknown): StepOutcome {
    const storage = storageFailureOf(e, 'record what the sync service answered');
    if (!storage) throw e;
    this.inFlight = null;
    if (this.lastError !== storage.message) this.opts.log?.(`sync relay: ${storage.message}`);
    this.lastError = storage.message;
    return 'retry';
  }

  private needReenrolment(reason: string): StepOutcome {
    this.online = true;
    this.lastError = `The sync service refused this till's token (${reason}). Enrol the till again.`;
    this.opts.settings.set('needs_reenrolment', '1');
    this.opts.log?.('sync relay: token refused, re-enrolment needed');
    return 'stop';
  }

  /**
   * 403: the gateway refuses a whole batch holding an event of another store or till. Reject
   * exactly those events; if every event carries this till's own ids, the till itself is refused.
   */
  private rejectForeign(batch: Batch, identity: SyncIdentity, reason: string): StepOutcome {
    const foreign = batch.rows.filter((row) => {
      const body = JSON.parse(row.body) as { storeId?: unknown; tillId?: unknown };
      return body.storeId !== identity.storeId || body.tillId !== identity.tillId;
    });
    if (foreign.length === 0) return this.needReenrolment(reason);
    for (const row of foreign) {
      this.opts.queue.reject(
        row.seq,
        'FORBIDDEN',
        `The event belongs to another store or till than ${identity.storeId}/${identity.tillId}.`,
        this.now(),
      );
    }
    return 'progress';
  }

  private applyResults(batch: Batch, results: readonly PushResult[]): StepOutcome {
    const bySeq = new Map<string, number>(batch.rows.map((r) => [r.eventId, r.seq]));
    const answers: EventAnswer[] = [];
    for (const r of results) {
      // Trust the eventId over the index: the answer is about that event, whatever its position.
      const seq =
        bySeq.get(r.eventId) ??
        (batch.rows[r.index]?.eventId === r.eventId ? batch.rows[r.index]?.seq : undefined);
      if (seq === undefined) continue;
      answers.push({ seq, status: r.status, code: r.code, message: r.message });
    }
    const now = this.now();
    const resolved = this.opts.queue.applyAnswers(answers, now);
    this.online = true;
    this.lastError = null;
    this.opts.settings.set('last_sync_at', String(now));
    // A good answer lets a batch that was shrunk after a 413/400 grow back towards the default.
    const full = this.opts.caps ?? DEFAULT_BATCH_CAPS;
    this.caps = {
      maxEvents: Math.min(full.maxEvents, this.caps.maxEvents * 2),
      maxBytes: Math.min(full.maxBytes, this.caps.maxBytes * 2),
    };
    if (resolved === 0) {
      this.lastError = 'The sync service answered without resolving any event; retrying later.';
      return 'retry';
    }
    return 'progress';
  }

  /** A whole request refused: halve until the culprit is alone, then reject just that one. */
  private splitOrReject(batch: Batch, code: string, reason: string): StepOutcome {
    const only = batch.rows[0];
    if (batch.rows.length === 1 && only) {
      this.opts.queue.reject(only.seq, code, reason, this.now());
      this.opts.log?.(`sync relay: event ${only.eventId} rejected (${code})`);
      return 'progress';
    }
    this.caps = {
      maxEvents: Math.max(1, Math.floor(batch.rows.length / 2)),
      maxBytes: Math.max(1, Math.floor(batch.bytes / 2)),
    };
    return 'progress';
  }

  private async loop(): Promise<void> {
    let pullDue = true;
    while (this.running) {
      this.kicked = false;
      const outcome = await this.step().catch((e: unknown) => this.storageTrouble(e));
      if (!this.running) break;
      if (outcome === 'stop') {
        this.running = false;
        break;
      }
      if (outcome === 'progress') {
        this.failures = 0;
        pullDue = true;
        this.emit();
        // Let the cashier's queued requests run between two batches' synchronous work (answers
        // applied, next batch read): a 100k backlog must never make a scan wait behind it.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (outcome === 'retry') {
        this.failures += 1;
        const delay = backoffDelay(
          this.failures,
          this.opts.backoff ?? DEFAULT_BACKOFF,
          this.opts.random,
          this.retryAfterMs,
        );
        this.retryAfterMs = null;
        this.nextRetryAt = this.now() + delay;
        this.emit();
        await this.sleep(delay);
        this.nextRetryAt = null;
        continue;
      }
      // Drained. Pull HQ's side after a round that sent something, and now and then when idle.
      this.failures = 0;
      this.emit();
      if (pullDue) this.pullFromHq();
      if (this.kicked) continue;
      const woke = await this.sleep(this.opts.idlePollMs ?? 60_000);
      pullDue = woke === 'timer';
    }
    this.emit();
  }

  /** Sleeps until the delay passes, or until kick() (when not backing off) or stop(). */
  private sleep(delay: number): Promise<'timer' | 'woken'> {
    // stop() may have come while the loop awaited something else (a pull): do not sleep then.
    if (!this.running) return Promise.resolve('woken');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve('timer');
      }, delay);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve('woken');
      };
    });
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state();
    for (const l of this.listeners) l(state);
  }
}
