// The catch-up benchmark's fixture: one till that rang N three-line sales through the real
// checkout path (dispatch: cart-open, cart-add-item x3, cart-checkout) on a clock spread over the
// past year, never enrolled, so every sale sits in the outbox as a pending event. Built once and
// cached under build/.cache/bench/ keyed by size and schema version; a run copies it.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiInput, ApiMethod } from '../../../shared/api/inputs';
import type { ApiOutputs } from '../../../shared/api/outputs';
import { latestVersion } from '../../../electron/core/db/migrate';
import { openTillCore, type TillCore } from '../../../electron/core/tillCore';

export const FIXTURE_VERSION = 1;
export const OWNER = { name: 'Owner', pin: '123456' };
export const PRODUCT_COUNT = 200;
export const TIME_ZONE = 'Asia/Kolkata';

const cacheRoot = fileURLToPath(new URL('../../.cache/bench/', import.meta.url));

export const barcodeOf = (n: number): string => `77${String(n).padStart(11, '0')}`;

export const caller =
  (core: TillCore) =>
  async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

const build = async (dir: string, sales: number, log: (s: string) => void): Promise<void> => {
  let clock = Date.now() - 365 * 86_400_000;
  const step = Math.floor((365 * 86_400_000) / sales);
  const core = openTillCore({
    dataDir: dir,
    now: () => clock,
    log: () => {},
    sync: { autoStart: false },
  });
  const call = caller(core);
  await call('setup-init', {
    storeName: 'Catch-up Store',
    currency: 'INR',
    locale: 'en-IN',
    timeZone: TIME_ZONE,
    taxMode: 'inclusive',
    ownerName: OWNER.name,
    ownerPin: OWNER.pin,
    demo: false,
  });
  for (let n = 1; n <= PRODUCT_COUNT; n++)
    await call('catalog-upsert', {
      product: {
        sku: `CU-${n}`,
        barcodes: [barcodeOf(n)],
        name: `Catch-up product ${n}`,
        category: `Category ${n % 8}`,
        subCategory: '',
        unitPrice: 1_000 + ((n * 7919) % 90_000),
        taxRateBp: n % 3 === 0 ? 1_800 : 500,
        reorderLevel: 0,
        leadTimeDays: 3,
        active: true,
      },
    });
  await call('shift-open', { openingFloat: 0 });
  const t0 = performance.now();
  for (let i = 0; i < sales; i++) {
    clock += step;
    const cart = await call('cart-open', {});
    let priced: ApiOutputs['cart-add-item'] | null = null;
    for (let k = 0; k < 3; k++)
      priced = await call('cart-add-item', {
        cartId: cart.id,
        code: `CU-${1 + ((i * 31 + k * 67) % PRODUCT_COUNT)}`,
        quantity: 1 + ((i + k) % 3),
      });
    await call('cart-checkout', {
      cartId: cart.id,
      payments: [{ tender: i % 2 ? 'card' : 'cash', amount: priced!.totals.total }],
    });
    if ((i + 1) % 10_000 === 0)
      log(`fixture: ${i + 1} sales (${Math.round((i + 1) / ((performance.now() - t0) / 1000))}/s)`);
  }
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
};

/** A fresh copy of the cached fixture in `target`; builds the cache first if needed. */
export const copyQueuedSalesFixture = async (
  sales: number,
  target: string,
  log: (s: string) => void,
): Promise<{ buildMs: number | null }> => {
  const cached = join(cacheRoot, `catchup-v${FIXTURE_VERSION}-s${latestVersion()}-${sales}`);
  let buildMs: number | null = null;
  if (!existsSync(cached)) {
    const t0 = performance.now();
    const building = `${cached}.building`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    log(`fixture: ringing ${sales} sales through checkout (cached afterwards)`);
    await build(building, sales, log);
    renameSync(building, cached);
    buildMs = Math.round(performance.now() - t0);
  }
  cpSync(cached, target, { recursive: true });
  return { buildMs };
};
