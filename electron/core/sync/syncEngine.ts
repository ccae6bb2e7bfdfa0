// The till's sync side in one object, as the core (and through it the UI) sees it: enrolment,
// the outbox relay, HQ's catalog and analytics pulls, and the status the UI always shows.
// Created by openTillCore for every till; it only talks to the network once enrolled.
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../../../shared/api/sync';
import { err, ok, type Result } from '../../../shared/result';
import type { AnalyticsCacheRepo } from '../analytics/analyticsCacheRepo';
import type { CatalogRepo } from '../catalog/catalogRepo';
import type { OutboxForSync } from '../outbox/outboxRepo';
import { tillIdentityRepo, type TillIdentityRepo } from '../settings/settingsRepo';
import { pullAnalytics } from './analyticsPuller';
import { AnalyticsStream } from './analyticsStream';
import { pullCatalog } from './catalogPuller';
import { enrollTill, type EnrollInput } from './enrollment';
import { createOutboxQueue, type OutboxQueue } from '../outbox/outboxQueue';
import type { OutboxRelayOptions, RelayState } from './outboxRelay';
import { RelayWorkerClient } from './relayWorkerClient';
import {
  createPlainTokenVault,
  createSyncSettings,
  IDENTITY_KEYS,
  type SyncSettings,
  type TokenVault,
} from './syncSettings';

export interface SyncEngineOptions {
  db: Database.Database;
  /**
   * The core's repositories this side works through (it owns only sync_settings, hq_products and
   * sync_rejection_ack): the outbox (the one reader of the rejected events the owner sees, and
   * the re-key at enrolment), the catalog HQ's products go into, and the analytics cache.
   */
  outbox: OutboxForSync;
  catalog: CatalogRepo;
  analyticsCache: AnalyticsCacheRepo;
  now?: () => number;
  log?: (message: string) => void;
  /** Defaults to the plain vault (token in sync_settings); Electron may pass a safeStorage one. */
  vault?: (settings: SyncSettings) => TokenVault;
  /** Start the relay as soon as the till is enrolled (default true). */
  autoStart?: boolean;
  /** Keep a live analytics stream open while online (default true). */
  liveAnalytics?: boolean;
  relay?: Pick<OutboxRelayOptions, 'caps' | 'backoff' | 'requestTimeoutMs' | 'idlePollMs'>;
  /** Called after enrolment changed the store/till ids, so the core can drop cached settings. */
  onIdentityChanged?: () => void;
  /** The core's gate around calls (cashierGate.ts); the relay's status writes yield to it. */
  cashierGate?: SharedArrayBuffer;
}

const REJECTED_SHOWN = 50;

export class SyncEngine {
  readonly settings: SyncSettings;
  readonly queue: OutboxQueue;
  readonly vault: TokenVault;
  /** The core's settings row: the store/till ids (one copy, read fresh). */
  private readonly till: TillIdentityRepo;
  private readonly opts: SyncEngineOptions;
  private readonly now: () => number;
  /** The outbox relay, on its own thread: a backlog drain never blocks the cashier's calls. */
  private readonly relay: RelayWorkerClient;
  private readonly stream: AnalyticsStream;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private pulling: Promise<void> | null = null;
  private closed = false;

  constructor(opts: SyncEngineOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.till = tillIdentityRepo(opts.db);
    this.settings = createSyncSettings(opts.db, this.till);
    this.queue = createOutboxQueue(opts.db);
    this.vault = (opts.vault ?? createPlainTokenVault)(this.settings);
    const log = opts.log;
    this.relay = new RelayWorkerClient({
      db: opts.db,
      queue: this.queue,
      settings: this.settings,
      vault: this.vault,
      now: this.now,
      ...(log ? { log } : {}),
      ...opts.relay,
      afterPush: () => this.pullFromHq(),
      ...(opts.cashierGate ? { cashierGate: opts.cashierGate } : {}),
    });
    this.stream = new AnalyticsStream({
      settings: this.settings,
      vault: this.vault,
      ...(log ? { log } : {}),
      onChange: () => void this.pullFromHq(),
    });
    this.relay.onState((state) => this.onRelayState(state));
  }

  /** Starts the relay (and live stream) if the till is enrolled and autoStart allows it. */
  start(): void {
    if (this.closed || this.opts.autoStart === false) return;
    if (this.settings.identity() === null || this.settings.needsReenrolment()) return;
    this.relay.start();
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.relay.detach();
    this.stream.stop();
    await this.relay.stop();
    await this.pulling;
  }

  /** After each local commit: push at once when the queue is idle and the till online. */
  kick(): void {
    if (this.relay.isRunning()) this.relay.kick();
  }

  /** "Sync now": push at once, even while backing off, then pull HQ's side. */
  syncNow(): SyncStatus {
    if (this.relay.isRunning()) this.relay.retryNow();
    void this.pullFromHq();
    return this.status();
  }

  async enroll(input: EnrollInput): Promise<Result<SyncStatus>> {
    if (this.closed) return err('SYNC_ERROR', 'The till is shutting down.');
    const wasRunning = this.relay.isRunning();
    await this.relay.stop();
    this.stream.stop();
    const outcome = await enrollTill(
      {
        db: this.opts.db,
        till: this.till,
        outbox: this.opts.outbox,
        settings: this.settings,
        vault: this.vault,
        now: this.now,
        ...(this.opts.onIdentityChanged ? { onIdentityChanged: this.opts.onIdentityChanged } : {}),
      },
      input,
    );
    if (!outcome.ok) {
      if (wasRunning) this.relay.start();
      return outcome;
    }
    this.opts.log?.(
      `sync: enrolled as store ${outcome.value.storeId} till ${outcome.value.tillId}; ${outcome.value.rekeyed} pending events re-keyed`,
    );
    if (this.opts.autoStart !== false) this.relay.start();
    return ok(this.status());
  }

  /**
   * Leaves HQ: stops the relay and the live stream, forgets the token and the enrolment. The
   * outbox is left as it is, so a later enrolment (with a new code) sends what is waiting.
   */
  async disconnect(pendingAcknowledged: boolean): Promise<Result<SyncStatus>> {
    if (this.settings.identity() === null && this.vault.load() === null)
      return err('CONFLICT', 'This till is not connected to HQ.');
    const pending = this.queue.pendingCount();
    if (pending > 0 && !pendingAcknowledged)
      return err(
        'CONFLICT',
        `${pending} events have not reached HQ yet. They stay on this till and are sent when it is connected again; confirm to disconnect anyway.`,
        { pending },
      );
    await this.relay.stop();
    this.stream.stop();
    await this.pulling;
    this.opts.db.transaction(() => {
      for (const key of IDENTITY_KEYS) this.settings.remove(key);
      this.vault.clear();
    })();
    this.opts.log?.(`sync: disconnected from HQ; ${pending} events kept in the outbox`);
    this.emit();
    return ok(this.status());
  }

  dismissRejected(eventId: string): Result<SyncStatus> {
    if (!this.opts.outbox.dismissRejected(eventId, this.now()))
      return err('NOT_FOUND', 'No rejected event with that id needs attention.');
    this.emit();
    return ok(this.status());
  }

  status(): SyncStatus {
    const relay = this.relay.state();
    const identity = this.settings.identity();
    const rejected = this.opts.outbox.rejectedNeedingAttention(REJECTED_SHOWN);
    return {
      enrolled: identity !== null,
      hqUrl: identity?.hqUrl ?? null,
      storeId: identity?.storeId ?? null,
      tillId: identity?.tillId ?? null,
      storeName: identity ? this.settings.get('store_name') || null : null,
      storeCity: identity ? this.settings.get('store_city') || null : null,
      enrolledAt: identity?.enrolledAt || null,
      running: relay.running,
      online: relay.running || relay.online !== null ? relay.online : null,
      needsReenrolment: relay.needsReenrolment,
      pending: relay.pending,
      lastSyncAt: relay.lastSyncAt,
      lastError: relay.lastError,
      nextRetryAt: relay.nextRetryAt,
      catalogSyncedAt: numberOrNull(this.settings.get('catalog_synced_at')),
      analyticsFetchedAt: numberOrNull(this.settings.get('analytics_fetched_at')),
      rejected: rejected.map((r) => ({
        eventId: r.eventId,
        type: r.type,
        seq: r.seq,
        code: r.code,
        reason: r.reason,
        at: r.at,
      })),
    };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** HQ's side: catalog first (prices at the counter), then analytics. One pull at a time. */
  pullFromHq(): Promise<void> {
    if (this.pulling) return this.pulling;
    const log = this.opts.log;
    const deps = {
      db: this.opts.db,
      till: this.till,
      catalog: this.opts.catalog,
      cache: this.opts.analyticsCache,
      settings: this.settings,
      vault: this.vault,
      now: this.now,
      ...(log ? { log } : {}),
    };
    this.pulling = (async () => {
      try {
        const catalog = await pullCatalog(deps);
        if (!catalog.ok) log?.(`sync: catalog pull failed (${catalog.failure.kind})`);
        if (this.closed) return;
        const analytics = await pullAnalytics(deps);
        if (!analytics.ok) log?.(`sync: analytics pull failed (${analytics.failure.kind})`);
        else if (this.opts.liveAnalytics !== false && this.relay.isRunning() && !this.closed)
          this.stream.start();
      } catch (e) {
        // The database closed under a pull at shutdown, or a storage error: the next round retries.
        if (!this.closed) log?.(`sync: pull failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    })().finally(() => {
      this.pulling = null;
      this.emit();
    });
    return this.pulling;
  }

  private onRelayState(state: RelayState): void {
    if (state.online === false || !state.running) this.stream.stop();
    this.emit();
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const status = this.status();
    for (const l of this.listeners) l(status);
  }
}

const numberOrNull = (v: string | null): number | null => (v === null ? null : Number(v));
