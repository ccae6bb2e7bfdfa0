// One simulated till: a real till core (the code Electron runs) in a data directory, set up and
// enrolled with HQ like a new till in a shop, stocked from the chain catalog, then trading day
// after day on an injected clock through the demo shop's day generator (opening hours, basket
// sizes, seasons and festivals, returns, weekly deliveries, shifts and cash counts).
import { en, en_IN, Faker } from '@faker-js/faker';
import type { CoreContext } from '../../electron/core/context';
import {
  simulateDay,
  type DemoCatalogEntry,
  type DemoState,
} from '../../electron/core/demo/demoDay';
import { initStore } from '../../electron/core/settings/setupService';
import { receiveStock } from '../../electron/core/stock/stockService';
import { syncEngineOf } from '../../electron/core/sync/syncHandlers';
import type { SyncEngine } from '../../electron/core/sync/syncEngine';
import { coreContext, openTillCore, type TillCore } from '../../electron/core/tillCore';
import { uuidv7 } from '../../shared/uuidv7';
import type { ChainProduct } from './chainCatalog';
import type { DayPlan, SimRelayTuning, SimTillSpec } from './simulatorProtocol';

export const DAY_MS = 86_400_000;
/** The simulated chain trades in India: local time = UTC + 5:30, no daylight saving. */
export const IST_OFFSET_MS = 330 * 60_000;
const OWNER_PIN = '123456';

export class SimulatedTill {
  readonly spec: SimTillSpec;
  readonly core: TillCore;
  readonly ctx: CoreContext;
  readonly engine: SyncEngine;
  private simNow: number;
  private state: DemoState | null = null;
  sales = 0;
  failure: string | null = null;

  constructor(spec: SimTillSpec, relay: SimRelayTuning, startAt: number) {
    this.spec = spec;
    this.simNow = startAt;
    this.core = openTillCore({
      dataDir: spec.dataDir,
      now: () => this.simNow,
      // A worker hosts ~100 tills: a checkpoint thread each (its own V8 isolate) got a worker
      // OOM-killed in the chain bench; the relay keeps its thread, as on a real till.
      walCheckpoints: 'inline',
      // Relay chatter (offline, retrying) is expected under faults; keep real errors only.
      log: (line) => {
        if (/unexpected error|storage error/.test(line))
          process.stderr.write(`[${spec.key}] ${line}\n`);
      },
      sync: {
        autoStart: true,
        relay: {
          caps: { maxEvents: relay.maxEvents, maxBytes: 512 * 1024 },
          backoff: { baseMs: relay.backoffBaseMs, maxMs: relay.backoffMaxMs, minMs: 50 },
          idlePollMs: relay.idlePollMs,
        },
      },
    });
    this.ctx = coreContext(this.core);
    const engine = syncEngineOf(this.ctx);
    if (!engine) throw new Error('the till core has no sync engine');
    this.engine = engine;
  }

  /** New till: set up, enrol with HQ, pull the chain catalog, stock the shelves. */
  async setUp(catalog: readonly ChainProduct[], ownerPinHash: string): Promise<void> {
    const { spec, ctx } = this;
    if (spec.enrollmentCode === null) return;
    initStore(ctx, {
      storeName: spec.storeName,
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Owner',
      ownerPin: OWNER_PIN,
    });
    const enrolled = await this.engine.enroll({ url: spec.hqUrl, code: spec.enrollmentCode });
    if (!enrolled.ok) throw new Error(`${spec.key}: enrolment failed: ${enrolled.error.message}`);
    await this.engine.pullFromHq();
    const missing = catalog.filter((p) => !ctx.repos.catalog.get(p.snapshot.productId));
    if (missing.length > 0)
      throw new Error(
        `${spec.key}: ${missing.length} HQ products did not arrive in the catalog pull`,
      );
    for (const [i, name] of ['Ravi Kumar', 'Imran Shaikh'].entries()) {
      ctx.repos.users.insert({
        id: uuidv7(this.simNow + i),
        name,
        role: 'cashier',
        pinHash: ownerPinHash,
        createdAt: this.simNow,
      });
    }
    receiveStock(ctx, {
      items: catalog.map((p) => ({
        productId: p.snapshot.productId,
        quantity: p.snapshot.reorderLevel * 4 + 3,
        unitCost: Math.round((p.snapshot.unitPrice * 0.55) / 100) * 100,
      })),
      note: 'Opening stock',
    });
  }

  /** Prepares the day generator (a restarted till only drains, so it never needs this). */
  prepareTrading(catalog: readonly ChainProduct[]): void {
    const { ctx } = this;
    const users = ctx.repos.users.list().filter((u) => u.active);
    const owner = users.find((u) => u.role === 'owner');
    const cashiers = users.filter((u) => u.role === 'cashier');
    if (!owner || cashiers.length === 0) throw new Error(`${this.spec.key}: no owner or cashiers`);
    const entries: DemoCatalogEntry[] = catalog.map((p) => {
      const { productId, ...product } = p.snapshot;
      return { id: productId, weight: p.weight, wedding: p.wedding, product };
    });
    const faker = new Faker({ locale: [en_IN, en] });
    faker.seed(this.spec.seed);
    this.state = {
      ctx,
      faker,
      owner: ctx.repos.users.get(owner.id)!,
      cashiers: cashiers.map((c) => ctx.repos.users.get(c.id)!),
      catalog: entries,
      pendingReturns: [],
      setTime: (ms) => {
        this.simNow = ms;
      },
      sales: 0,
    };
  }

  /** Rings the plan's days, pacing to the plan's rate, until done or told to stop. */
  async trade(plan: DayPlan, shouldStop: () => boolean, onDay: () => void): Promise<void> {
    const state = this.state;
    if (!state) return;
    const started = performance.now();
    // Pace on this plan's own sales: state.sales counts every plan this till ever rang, and a
    // second plan paced on the total would sit idle until the first plan's sales were "due" again.
    const salesBefore = state.sales;
    for (let day = plan.firstDay; day < plan.firstDay + plan.days; day++) {
      if (shouldStop()) break;
      if (plan.maxRealMs > 0 && performance.now() - started > plan.maxRealMs) break;
      try {
        simulateDay(state, day, day * DAY_MS - IST_OFFSET_MS);
      } catch (e) {
        // A till whose disk failed stops ringing; what it committed before still has to arrive.
        this.failure = `${this.spec.key} day ${day}: ${e instanceof Error ? e.message : String(e)}`;
        break;
      } finally {
        this.sales = state.sales;
      }
      this.engine.kick();
      onDay();
      // Pacing: wait until the day's sales are due, in short slices so a stop or the end of
      // the run is noticed at once (a busy day at a slow rate can be due a minute later).
      const dueAt =
        plan.salesPerSecond > 0
          ? started + ((state.sales - salesBefore) / plan.salesPerSecond) * 1_000
          : 0;
      const endAt = plan.maxRealMs > 0 ? started + plan.maxRealMs : Infinity;
      await new Promise((r) => setImmediate(r));
      while (performance.now() < Math.min(dueAt, endAt) && !shouldStop()) {
        const slice = Math.min(Math.min(dueAt, endAt) - performance.now(), 500);
        await new Promise((r) => setTimeout(r, Math.max(1, slice)));
      }
    }
  }

  pending(): number {
    return (
      this.core.db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as {
        n: number;
      }
    ).n;
  }

  async close(): Promise<void> {
    await this.engine.stop();
    this.core.close();
  }
}
