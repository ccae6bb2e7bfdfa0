// The relay against the real sync service (gateway + Kafka + warehouse consumer + Postgres):
// offline sales drain exactly once after HQ comes back, a till SIGKILLed mid-push loses and
// duplicates nothing, and a refused event is shown as rejected without blocking the queue.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod } from '../../../shared/api/inputs';
import type { ApiOutputs } from '../../../shared/api/outputs';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '../../../build/test/serviceEnv';
import { DATABASE_FILE } from '../db/openDatabase';
import { openTillCore, type TillCore } from '../tillCore';
import {
  createStoreAndTill,
  freePort,
  startSyncService,
  type RunningSyncService,
  type SyncServiceEnv,
} from '../../test/sync/syncServiceProcess';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const OWNER_PIN = '123456';
const FAST_RELAY = { backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 }, idlePollMs: 1_000 };

let database: TestDatabase;
let pool: pg.Pool;
let env: SyncServiceEnv;
let service: RunningSyncService | null = null;
let url = '';
const dirs: string[] = [];

interface Till {
  core: TillCore;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
}

const openTill = (dir: string, autoStart: boolean): Till => {
  const core = openTillCore({
    dataDir: dir,
    log: () => {},
    sync: { autoStart, relay: FAST_RELAY },
  });
  return {
    core,
    call: async (method, input) => {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
};

const newTill = async (autoStart: boolean): Promise<{ till: Till; dir: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'till-sync-int-'));
  dirs.push(dir);
  const till = openTill(dir, autoStart);
  await till.call('setup-init', {
    storeName: 'Corner Shop',
    currency: 'INR',
    locale: 'en-IN',
    timeZone: 'Asia/Kolkata',
    taxMode: 'inclusive',
    ownerName: 'Olga Owner',
    ownerPin: OWNER_PIN,
    demo: false,
  });
  await till.call('catalog-upsert', {
    product: {
      sku: 'TEA1',
      barcodes: ['890TEA1'],
      name: 'Masala tea',
      category: 'Drinks',
      subCategory: 'Tea',
      unitPrice: 40_00,
      taxRateBp: 500,
      reorderLevel: 5,
      leadTimeDays: 3,
      active: true,
    },
  });
  await till.call('shift-open', { openingFloat: 1_000_00 });
  return { till, dir };
};

const ringSales = async (till: Till, count: number): Promise<void> => {
  for (let i = 0; i < count; i++) {
    const cart = await till.call('cart-open', {});
    const priced = await till.call('cart-add-item', {
      cartId: cart.id,
      code: 'TEA1',
      quantity: 1 + (i % 3),
    });
    await till.call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: 'cash', amount: priced.totals.total }],
    });
  }
};

const until = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Event ids the till holds as acknowledged, read from its database file. */
const sentIds = (dir: string): string[] => {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare("SELECT event_id AS id FROM outbox WHERE status = 'sent'").all() as {
        id: string;
      }[]
    )
      .map((r) => r.id)
      .sort();
  } finally {
    db.close();
  }
};

const warehouseIds = async (storeId: string): Promise<string[]> =>
  (
    await pool.query<{ id: string }>(
      'SELECT event_id::text AS id FROM events WHERE store_id = $1',
      [storeId],
    )
  ).rows
    .map((r) => r.id)
    .sort();

const warehouseCounts = async (storeId: string) => {
  const events = await pool.query<{ n: string; tills: string }>(
    'SELECT count(*) AS n, count(DISTINCT till_id) AS tills FROM events WHERE store_id = $1',
    [storeId],
  );
  const lines = await pool.query<{ n: string; units: string | null }>(
    'SELECT count(*) AS n, sum(quantity) AS units FROM sale_lines WHERE store_id = $1',
    [storeId],
  );
  return {
    events: Number(events.rows[0]?.n),
    tills: Number(events.rows[0]?.tills),
    lines: Number(lines.rows[0]?.n),
    units: Number(lines.rows[0]?.units ?? 0),
  };
};

const expectedUnits = (sales: number): number =>
  Array.from({ length: sales }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined); // the database is dropped under idle clients at the end
  env = {
    databaseUrl: database.url,
    eventsTopic: uniqueTopic('relay-int.events'),
    dlqTopic: uniqueTopic('relay-int.dlq'),
    consumerGroup: uniqueTopic('relay-int.group'),
    port: await freePort(),
  };
  service = await startSyncService(env);
  url = service.url;
});

afterAll(async () => {
  await service?.stop();
  await pool?.end();
  await database?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('outbox relay against the real sync service', () => {
  it('drains sales rung offline exactly once, re-keyed to HQ ids, and isolates a refused event', async () => {
    const { till, dir } = await newTill(true);
    await ringSales(till, 5); // before enrolment: local store/till ids
    const hq = await createStoreAndTill(url, 'Corner Shop');
    const enrolled = await till.call('sync-enroll', { url, code: hq.code });
    expect(enrolled).toMatchObject({
      enrolled: true,
      storeId: hq.storeId,
      tillId: hq.tillId,
      hqUrl: url,
    });
    await until(
      'the pre-enrolment sales to go out',
      async () => (await till.call('sync-status', {})).pending === 0,
    );

    // HQ goes away; the shop keeps selling.
    await service?.stop();
    service = null;
    await ringSales(till, 120);
    // A corrupted fact in the middle of the queue: HQ must refuse it, the rest must still flow.
    const db = till.core.db;
    const badId = '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000';
    db.transaction(() => {
      const seq = (
        db
          .prepare(
            "UPDATE counters SET value = value + 1 WHERE name = 'outbox_seq' RETURNING value",
          )
          .get() as { value: number }
      ).value;
      const body = JSON.stringify({
        eventId: badId,
        type: 'sale',
        schemaVersion: 1,
        storeId: hq.storeId,
        tillId: hq.tillId,
        seq,
        occurredAt: Date.now(),
        payload: { lines: [] },
      });
      db.prepare(
        'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
      ).run(seq, badId, 'sale', Date.now(), body);
    })();
    await ringSales(till, 80);
    await until(
      'the relay to notice it is offline',
      async () => (await till.call('sync-status', {})).online === false,
      30_000,
    );
    expect((await till.call('sync-status', {})).pending).toBe(201);

    service = await startSyncService(env);
    await until(
      'the queue to drain',
      async () => (await till.call('sync-status', {})).pending === 0,
    );
    const status = await till.call('sync-status', {});
    expect(status.online).toBe(true);
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.rejected.map((r) => [r.eventId, r.code])).toEqual([[badId, 'INVALID_EVENT']]);

    const acknowledged = sentIds(dir);
    expect(acknowledged).toHaveLength(205 + 2); // sales + catalog_change + shift_open
    await until(
      'the warehouse to hold every event',
      async () => (await warehouseCounts(hq.storeId)).events >= acknowledged.length,
    );
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would land in this window
    // Every acknowledged event exactly once, all under HQ's ids; the refused one nowhere.
    expect(await warehouseIds(hq.storeId)).toEqual(acknowledged);
    const counts = await warehouseCounts(hq.storeId);
    expect(counts).toEqual({
      events: 207,
      tills: 1,
      lines: 205,
      units: expectedUnits(5) + expectedUnits(120) + expectedUnits(80),
    });
    const tillIds = await pool.query<{ till_id: string }>(
      'SELECT DISTINCT till_id FROM events WHERE store_id = $1',
      [hq.storeId],
    );
    expect(tillIds.rows.map((r) => r.till_id)).toEqual([hq.tillId]);

    const dismissed = await till.call('sync-dismiss-rejected', { eventId: badId });
    expect(dismissed.rejected).toEqual([]);
    const outbox = await till.call('outbox-status', {});
    expect(outbox).toMatchObject({ enrolled: true, online: true, pending: 0, rejected: 0 });
    expect(outbox.rejectedEvents).toEqual([]);
    till.core.close();
  });

  // Issue 11: a NUL was accepted by the gateway, so the till marked the sale sent while the
  // warehouse dead-lettered it, and HQ's totals silently stopped matching the till's. Such an
  // event (from an outbox written before the schemas refused it) and one from a clock far ahead
  // must stay on the till as rejected, visible to the owner, and be nowhere at HQ.
  it('never marks sent an event HQ cannot store (NUL, far-future clock): till and HQ figures stay equal', async () => {
    const { till, dir } = await newTill(true);
    const hq = await createStoreAndTill(url, 'Nul Lane');
    await till.call('sync-enroll', { url, code: hq.code });
    await ringSales(till, 3);
    const db = till.core.db;
    const template = JSON.parse(
      (
        db
          .prepare("SELECT body FROM outbox WHERE type = 'sale' ORDER BY seq DESC LIMIT 1")
          .get() as {
          body: string;
        }
      ).body,
    ) as { payload: { lines: Array<{ name: string }> } } & Record<string, unknown>;
    const inject = (eventId: string, change: (e: typeof template) => void): void =>
      db.transaction(() => {
        const seq = (
          db
            .prepare(
              "UPDATE counters SET value = value + 1 WHERE name = 'outbox_seq' RETURNING value",
            )
            .get() as { value: number }
        ).value;
        const event = structuredClone(template);
        Object.assign(event, { eventId, seq, storeId: hq.storeId, tillId: hq.tillId });
        change(event);
        db.prepare(
          'INSERT INTO outbox (seq, event_id, type, occurred_at, body) VALUES (?, ?, ?, ?, ?)',
        ).run(seq, eventId, 'sale', Date.now(), JSON.stringify(event));
      })();
    const nulId = '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001';
    const futureId = '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0002';
    inject(nulId, (e) => {
      e.payload.lines[0]!.name = 'Masala\u0000tea';
    });
    inject(futureId, (e) => {
      e.occurredAt = Date.UTC(2099, 0, 1);
    });
    await ringSales(till, 2);
    await until(
      'the queue to drain',
      async () => (await till.call('sync-status', {})).pending === 0,
    );
    const status = await till.call('sync-status', {});
    expect(status.rejected.map((r) => [r.eventId, r.code]).sort()).toEqual([
      [nulId, 'INVALID_EVENT'],
      [futureId, 'EVENT_FROM_FUTURE'],
    ]);
    const acknowledged = sentIds(dir);
    expect(acknowledged).not.toContain(nulId);
    expect(acknowledged).not.toContain(futureId);
    await until(
      'the warehouse to hold every acknowledged event',
      async () => (await warehouseCounts(hq.storeId)).events >= acknowledged.length,
    );
    await new Promise((r) => setTimeout(r, 1_000)); // a dead letter would land in this window
    expect(await warehouseIds(hq.storeId)).toEqual(acknowledged);
    const dead = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM dead_letters WHERE store_id = $1',
      [hq.storeId],
    );
    expect(Number(dead.rows[0]!.n)).toBe(0);
    // The till's own figures (its sales table) and HQ's agree: five sales, their units.
    const tillUnits = (
      db.prepare('SELECT coalesce(sum(quantity), 0) AS u FROM sale_lines').get() as { u: number }
    ).u;
    expect((await warehouseCounts(hq.storeId)).units).toBe(tillUnits);
    expect(tillUnits).toBe(expectedUnits(3) + expectedUnits(2));
    till.core.close();
  });

  it('loses and duplicates nothing when the till is SIGKILLed mid-push and restarted', async () => {
    const SALES = 400;
    const { till, dir } = await newTill(false);
    const hq = await createStoreAndTill(url, 'Kill Street');
    await till.call('sync-enroll', { url, code: hq.code });
    await ringSales(till, SALES);
    till.core.close();

    const pendingIn = (): number => {
      const db = new Database(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
      try {
        return (
          db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as {
            n: number;
          }
        ).n;
      } finally {
        db.close();
      }
    };
    const startWorker = (): ChildProcess =>
      spawn(process.execPath, ['--import', 'tsx', 'electron/test/sync/tillRelayWorker.ts', dir], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const exit = (child: ChildProcess) =>
      new Promise<void>((r) =>
        child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r()),
      );

    let worker = startWorker();
    await until('the first acknowledged batch', () => pendingIn() < SALES + 2, 60_000);
    worker.kill('SIGKILL');
    await exit(worker);
    const pendingAtKill = pendingIn();
    expect(pendingAtKill).toBeGreaterThan(0);

    worker = startWorker();
    await until('the restarted till to drain', () => pendingIn() === 0, 120_000);
    worker.kill('SIGTERM');
    await exit(worker);

    const acknowledged = sentIds(dir);
    expect(acknowledged).toHaveLength(SALES + 2);
    await until(
      'the warehouse to hold every event',
      async () => (await warehouseCounts(hq.storeId)).events >= SALES + 2,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await warehouseIds(hq.storeId)).toEqual(acknowledged);
    expect(await warehouseCounts(hq.storeId)).toEqual({
      events: SALES + 2,
      tills: 1,
      lines: SALES,
      units: expectedUnits(SALES),
    });
  });
});
