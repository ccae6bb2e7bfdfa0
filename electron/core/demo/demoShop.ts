// Loads the demo shop: catalog, two cashiers, opening stock and ~2 years of trading, written
// through the same services a real till uses (shift open, cart, checkout, returns, goods
// receipts, shift close) with the clock moved along the simulated days. One outer transaction
// around the load keeps it fast; each sale is still its own (nested) checkout transaction.
import { en, en_IN, Faker } from '@faker-js/faker';
import { AppFailure } from '../../../shared/result';
import { requireSettings, type CoreContext } from '../context';
import { saveProduct } from '../catalog/catalogService';
import { recordStockEvent } from '../stock/stockService';
import { coreContext, type TillCoreHandle } from '../coreRegistry';
import { hashPin } from '../users/pinHash';
import { uuidv7 } from '../../../shared/uuidv7';
import { initStore } from '../settings/setupService';
import { buildDemoCatalog } from './demoCatalog';
import { simulateDay, type DemoState } from './demoDay';

export interface DemoOptions {
  seed?: number;
  /** Days of history ending yesterday (default two years). */
  days?: number;
}

export interface DemoResult {
  sales: number;
  products: number;
}

/** Demo sign-in PINs, shown on the sign-in screen's help. */
export const DEMO_CASHIERS = [
  { name: 'Ravi Kumar', pin: '1111' },
  { name: 'Imran Shaikh', pin: '2222' },
] as const;
export const DEMO_OWNER = { name: 'Owner', pin: '123456' } as const;

const DAY_MS = 86_400_000;
/** India has one time zone and no daylight saving: local = UTC + 5:30. */
const IST_OFFSET_MS = 330 * 60_000;

export const loadDemoInto = (ctx: CoreContext, options: DemoOptions): DemoResult => {
  const settings = requireSettings(ctx);
  if (settings.currency !== 'INR') {
    throw new AppFailure(
      'CONFLICT',
      'The demo shop is priced in INR; load it into a till set up in INR.',
    );
  }
  if (ctx.repos.sales.countSales() > 0)
    throw new AppFailure('CONFLICT', 'The demo shop can only be loaded into a till with no sales.');
  const owner = ctx.repos.users.activeOwners()[0];
  if (!owner) throw new AppFailure('SETUP_REQUIRED', 'Create the owner first.');

  const faker = new Faker({ locale: [en_IN, en] });
  faker.seed(options.seed ?? 42);
  const days = options.days ?? 730;
  const realNow = ctx.clock.now;
  const realUser = ctx.session.userId;
  const today = Math.floor((realNow() + IST_OFFSET_MS) / DAY_MS);
  const firstDay = today - days;
  let t = firstDay * DAY_MS - IST_OFFSET_MS + 9 * 3_600_000;
  ctx.clock.now = () => t;
  ctx.session.userId = owner.id;
  try {
    return ctx.db
      .transaction((): DemoResult => {
        const cashiers = DEMO_CASHIERS.map((c) => {
          const id = uuidv7(t);
          ctx.repos.users.insert({
            id,
            name: c.name,
            role: 'cashier',
            pinHash: hashPin(c.pin),
            createdAt: t,
          });
          return ctx.repos.users.get(id)!;
        });
        const catalog = buildDemoCatalog(faker).map((p) => {
          const { weight, wedding, ...fields } = p;
          return {
            id: saveProduct(ctx, undefined, fields, owner.id).id,
            weight,
            wedding,
            product: fields,
          };
        });
        for (const p of catalog) {
          recordStockEvent(ctx, {
            productId: p.id,
            quantity: p.product.reorderLevel * 4 + faker.number.int({ min: 2, max: 10 }),
            reason: 'opening',
            unitCost: Math.round((p.product.unitPrice * 0.55) / 100) * 100,
            note: 'Opening stock',
            userId: owner.id,
          });
        }
        const state: DemoState = {
          ctx,
          faker,
          owner,
          cashiers,
          catalog,
          pendingReturns: [],
          setTime: (ms) => {
            t = ms;
          },
          sales: 0,
        };
        for (let day = firstDay; day < today; day++)
          simulateDay(state, day, day * DAY_MS - IST_OFFSET_MS);
        ctx.repos.settings.markDemo();
        return { sales: state.sales, products: catalog.length };
      })
      .immediate();
  } finally {
    ctx.clock.now = realNow;
    ctx.session.userId = realUser;
  }
};

/**
 * Loads the demo shop into an open core (CLI flag, tests, benchmarks). A till that is not set up
 * yet is set up first as an INR store with the demo owner (PIN 123456).
 */
export const loadDemoShop = (core: TillCoreHandle, options: DemoOptions = {}): DemoResult => {
  const ctx = coreContext(core);
  if (!ctx.repos.settings.get()) {
    initStore(ctx, {
      storeName: 'Shahi Libaas Menswear',
      currency: 'INR',
      locale: 'en-IN',
      timeZone: 'Asia/Kolkata',
      taxMode: 'inclusive',
      ownerName: DEMO_OWNER.name,
      ownerPin: DEMO_OWNER.pin,
    });
  }
  return loadDemoInto(ctx, options);
};
