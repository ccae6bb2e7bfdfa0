// Connect and disconnect against the real sync service: the status names the HQ store joined;
// disconnecting with sales waiting needs the owner's confirmation, forgets the token and stops
// sending, but keeps the outbox; enrolling again with a new code sends what waited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod } from '../../../shared/api/inputs';
import type { ApiOutputs } from '../../../shared/api/outputs';
import type { AppError } from '../../../shared/result';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '../../../build/test/serviceEnv';
import { openTillCore, type TillCore } from '../tillCore';
import {
  adminCall,
  freePort,
  startSyncService,
  type RunningSyncService,
} from '../../test/sync/syncServiceProcess';

let database: TestDatabase;
let pool: pg.Pool;
let service: RunningSyncService | null = null;
const dirs: string[] = [];
const FAST_RELAY = { backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 }, idlePollMs: 500 };

interface Till {
  core: TillCore;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  fail<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<AppError>;
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
    fail: async (method, input) => {
      const r = await core.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was expected to fail`);
      return r.error;
    },
  };
};

const sell = async (till: Till): Promise<void> => {
  const cart = await till.call('cart-open', {});
  const priced = await till.call('cart-add-item', { cartId: cart.id, code: 'TEA1' });
  await till.call('cart-checkout', {
    cartId: cart.id,
    payments: [{ tender: 'cash', amount: priced.totals.total }],
  });
};

const until = async (what: string, check: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined);
  service = await startSyncService({
    databaseUrl: database.url,
    eventsTopic: uniqueTopic('connect-int.events'),
    dlqTopic: uniqueTopic('connect-int.dlq'),
    consumerGroup: uniqueTopic('connect-int.group'),
    port: await freePort(),
  });
});

afterAll(async () => {
  await service?.stop();
  await pool?.end();
  await database?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('connect to HQ and disconnect', () => {
  it('keeps the outbox across a disconnect and sends it after enrolling again', async () => {
    const url = service!.url;
    const dir = mkdtempSync(join(tmpdir(), 'till-connect-int-'));
    dirs.push(dir);
    let till = openTill(dir, false);
    await till.call('setup-init', {
      storeName: 'Corner Shop',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: 'Olga Owner',
      ownerPin: '123456',
      demo: false,
    });
    await till.call('catalog-upsert', {
      product: {
        sku: 'TEA1',
        barcodes: [],
        name: 'Masala tea',
        category: 'Drinks',
        subCategory: 'Tea',
        unitPrice: 40_00,
        taxRateBp: 500,
        reorderLevel: 0,
        leadTimeDays: 0,
        active: true,
      },
    });
    await till.call('shift-open', { openingFloat: 0 });

    const store = await adminCall<{ storeId: string }>(url, '/v1/admin/stores', {
      name: 'Pune Camp',
      city: 'Pune',
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
    });
    const hqTill = await adminCall<{ tillId: string; enrollmentCode: string }>(
      url,
      `/v1/admin/stores/${store.storeId}/tills`,
      { name: 'Counter 1' },
    );
    const joined = await till.call('sync-enroll', { url, code: hqTill.enrollmentCode });
    expect(joined).toMatchObject({
      enrolled: true,
      storeId: store.storeId,
      tillId: hqTill.tillId,
      storeName: 'Pune Camp',
      storeCity: 'Pune',
    });
    expect(joined.enrolledAt).toBeGreaterThan(0);

    await sell(till);
    // The catalog change, the shift and the sale wait: this till has not pushed yet.
    const waiting = (await till.call('sync-status', {})).pending;
    expect(waiting).toBeGreaterThanOrEqual(2);
    const warned = await till.fail('sync-disconnect', {});
    expect(warned.code).toBe('CONFLICT');
    expect(warned.details).toEqual({ pending: waiting });
    expect((await till.call('sync-status', {})).enrolled).toBe(true);

    const left = await till.call('sync-disconnect', { pendingAcknowledged: true });
    expect(left).toMatchObject({
      enrolled: false,
      hqUrl: null,
      storeName: null,
      running: false,
      pending: waiting,
    });
    expect(
      (await till.call('outbox-status', {})).pending,
      'the outbox stays after a disconnect',
    ).toBe(waiting);
    till.core.close();
    await till.core.closed();

    // Back on HQ with a new code: the waiting sale goes out.
    const again = await adminCall<{ enrollmentCode: string }>(
      url,
      `/v1/admin/tills/${hqTill.tillId}/enrollment-codes`,
      {},
    );
    till = openTill(dir, true);
    await till.call('auth-login', {
      userId: (await till.call('users-list', {}))[0]!.id,
      pin: '123456',
    });
    await till.call('sync-enroll', { url, code: again.enrollmentCode });
    await until('the waiting sale to reach HQ', async () => {
      const { rows } = await pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM events WHERE store_id = $1',
        [store.storeId],
      );
      return Number(rows[0]?.n) >= waiting;
    });
    expect((await till.call('sync-status', {})).pending).toBe(0);
    till.core.close();
    await till.core.closed();
  });
});
