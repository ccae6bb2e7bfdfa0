// Issue 12, the whole pipeline: sales voided at a real till core (reason, owner approval above
// the void limit; SQLite outbox, relay) go through the real gateway, Kafka and the warehouse
// consumer into Postgres, and HQ's console API lists them with store, till, cashier, reason,
// value and approval; analysts may not read it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartVoidsResponse } from '../../shared/console/consoleApi';
import { openTillCore, type TillCore } from '../../electron/core/tillCore';
import { startTestConsole, type TestConsole } from '../../sync-service/test/consoleTestKit';

const OWNER_PIN = '123456';
let hq: TestConsole;
let till: TillCore;
let dir = '';

const must = async <T>(r: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) => {
  const result = await r;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

beforeAll(async () => {
  hq = await startTestConsole('cart-voids', {}, ['gateway', 'consumer', 'console']);
  dir = mkdtempSync(join(tmpdir(), 'till-cart-voids-int-'));
  till = openTillCore({
    dataDir: dir,
    log: () => {},
    sync: {
      autoStart: true,
      relay: { backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 }, idlePollMs: 200 },
    },
  });
});

afterAll(async () => {
  till?.close();
  await till?.closed();
  await hq?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sales voided at a till reach the HQ console', () => {
  it('lists each void with store, till, cashier, reason, value and approval', async () => {
    await must(
      till.dispatch('setup-init', {
        storeName: 'Corner Shop',
        currency: 'EUR',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
        taxMode: 'inclusive',
        ownerName: 'Olga Owner',
        ownerPin: OWNER_PIN,
        demo: false,
      }),
    );
    const store = await hq.admin('POST', '/v1/admin/stores', {
      storeId: 'store-voids',
      name: 'Leipzig Mitte',
      city: 'Leipzig',
      region: 'Saxony',
      country: 'DE',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
    expect(store.status).toBe(201);
    const made = (await (
      await hq.admin('POST', '/v1/admin/stores/store-voids/tills', { name: 'Till 1' })
    ).json()) as { tillId: string; enrollmentCode: string };
    await must(till.dispatch('sync-enroll', { url: hq.url, code: made.enrollmentCode }));

    await must(
      till.dispatch('catalog-upsert', {
        product: {
          sku: 'K1',
          barcodes: ['4001'],
          name: 'Kurta',
          category: 'Kurtas',
          subCategory: 'Cotton',
          unitPrice: 1_500_00,
          taxRateBp: 1_900,
          reorderLevel: 0,
          leadTimeDays: 0,
          active: true,
        },
      }),
    );
    await must(till.dispatch('shift-open', { openingFloat: 0 }));
    const cashier = await must(
      till.dispatch('users-create', { name: 'Cass', role: 'cashier', pin: '5555' }),
    );
    await must(till.dispatch('auth-login', { userId: cashier.id, pin: '5555' }));
    await must(till.dispatch('shift-join', {}));
    const ring = async (quantity: number) => {
      const cart = await must(till.dispatch('cart-open', {}));
      await must(till.dispatch('cart-add-item', { cartId: cart.id, code: 'K1', quantity }));
      return cart.id;
    };
    const small = await ring(1);
    await must(till.dispatch('cart-void', { cartId: small, reason: 'customer left' }));
    const large = await ring(2);
    await must(
      till.dispatch('cart-void', { cartId: large, reason: 'wrong size', ownerPin: OWNER_PIN }),
    );

    const manager = await hq.as('manager');
    let items: CartVoidsResponse['items'] = [];
    const deadline = Date.now() + 60_000;
    while (items.length < 2) {
      if (Date.now() > deadline) throw new Error(`only ${items.length} voids reached HQ`);
      await new Promise((r) => setTimeout(r, 200));
      const res = await manager.call('GET', '/v1/console/security/voids');
      expect(res.status).toBe(200);
      items = ((await res.json()) as CartVoidsResponse).items;
    }
    expect(
      items.map((v) => [
        v.storeId,
        v.storeName,
        v.tillId,
        v.tillName,
        v.cashierName,
        v.reason,
        v.currency,
        v.lineCount,
        v.total,
        v.approverId !== null,
      ]),
    ).toEqual([
      [
        'store-voids',
        'Leipzig Mitte',
        made.tillId,
        'Till 1',
        'Cass',
        'wrong size',
        'EUR',
        1,
        3_000_00,
        true,
      ],
      [
        'store-voids',
        'Leipzig Mitte',
        made.tillId,
        'Till 1',
        'Cass',
        'customer left',
        'EUR',
        1,
        1_500_00,
        false,
      ],
    ]);
    expect(items[0]!.occurredAt).toBeGreaterThan(Date.now() - 120_000);

    const analyst = await hq.as('analyst');
    expect((await analyst.call('GET', '/v1/console/security/voids')).status).toBe(403);
    expect((await fetch(`${hq.url}/v1/console/security/voids`)).status).toBe(401);
  });
});
