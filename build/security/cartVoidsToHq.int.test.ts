// Issue 12, the whole pipeline: sales voided at a real till core (reason, owner approval above
// the void limit; SQLite outbox, relay) go through the real gateway, Kafka and the warehouse
// consumer into Postgres, and HQ's console API lists them with store, till, cashier, reason,
// value and approval; analysts may not read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillCore } from '../../electron/core/tillCore';
import type { CartVoidsResponse } from '../../shared/console/consoleApi';
import type { TestConsole } from '../../sync-service/test/consoleTestKit';
import {
  must,
  OWNER_PIN,
  startEnrolledTill,
  waitForConsoleItems,
  type EnrolledTill,
} from './tillToHqKit';

let setup: EnrolledTill;
let hq: TestConsole;
let till: TillCore;
let tillId = '';

beforeAll(async () => {
  setup = await startEnrolledTill('cart-voids', 'store-voids');
  ({ hq, till, tillId } = setup);
});

afterAll(async () => {
  await setup?.dispose();
});

describe('sales voided at a till reach the HQ console', () => {
  it('lists each void with store, till, cashier, reason, value and approval', async () => {
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

    const items = await waitForConsoleItems<CartVoidsResponse['items'][number]>(
      hq,
      '/v1/console/security/voids',
      2,
    );
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
        tillId,
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
        tillId,
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
