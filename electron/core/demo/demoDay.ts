// One simulated trading day of the demo shop: goods in on Mondays, shift open, the day's sales
// (and returns that fall due), a petty-cash payout some days, shift close with the drawer count.
import type { Faker } from '@faker-js/faker';
import { proRataLine } from '../../../shared/pricing';
import type { Payment } from '../../../shared/tender';
import { addItem, openCart, setCartDiscount, viewCart } from '../cart/cartService';
import type { ProductFields } from '../catalog/catalogRepo';
import { requireSettings, type CoreContext } from '../context';
import { createReturn } from '../returns/returnService';
import { checkout } from '../sales/checkoutService';
import { closeShift, moveCash, openShift, zReportFor } from '../shifts/shiftService';
import { receiveStock } from '../stock/stockService';
import type { StoredUser } from '../users/usersRepo';
import { dayFactor, isWeddingSeason } from './demoSeasons';

export interface DemoCatalogEntry {
  id: string;
  weight: number;
  wedding: boolean;
  product: ProductFields;
}

interface PendingReturn {
  day: number;
  eventId: string;
  lineNo: number;
}

export interface DemoState {
  ctx: CoreContext;
  faker: Faker;
  owner: StoredUser;
  cashiers: StoredUser[];
  catalog: DemoCatalogEntry[];
  pendingReturns: PendingReturn[];
  setTime: (ms: number) => void;
  sales: number;
}

const HOUR = 3_600_000;
const BASE_SALES_PER_DAY = 12;
const RUPEE = 100;

const poisson = (faker: Faker, lambda: number): number => {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= faker.number.float({ min: 0, max: 1 });
  } while (p > limit && k < 500);
  return k - 1;
};

const pickProduct = (s: DemoState, wedding: boolean): DemoCatalogEntry => {
  const weights = s.catalog.map((c) => ({
    value: c,
    weight: c.weight * (c.wedding ? (wedding ? 2.5 : 0.6) : 1),
  }));
  return s.faker.helpers.weightedArrayElement(weights);
};

const as = (s: DemoState, user: StoredUser): void => {
  s.ctx.session.userId = user.id;
};

const payFor = (s: DemoState, total: number): Payment[] => {
  const f = s.faker;
  const tender = f.helpers.weightedArrayElement([
    { value: 'cash' as const, weight: 40 },
    { value: 'card' as const, weight: 33 },
    { value: 'mobile' as const, weight: 27 },
  ]);
  if (tender !== 'cash') return [{ tender, amount: total }];
  if (total > 4_000 * RUPEE && f.number.int({ min: 0, max: 3 }) === 0) {
    const cash = Math.floor(total / 2 / (500 * RUPEE)) * 500 * RUPEE;
    return cash > 0
      ? [
          { tender: 'cash', amount: cash },
          { tender: 'card', amount: total - cash },
        ]
      : [{ tender: 'card', amount: total }];
  }
  // Customers hand over round notes; change comes back.
  const note = f.helpers.arrayElement([100, 500, 2_000]) * RUPEE;
  return [{ tender: 'cash', amount: Math.ceil(total / note) * note }];
};

const sellOne = (s: DemoState, day: number, wedding: boolean): void => {
  const f = s.faker;
  const cart = openCart(s.ctx);
  const lines = f.helpers.weightedArrayElement([
    { value: 1, weight: 55 },
    { value: 2, weight: 28 },
    { value: 3, weight: 12 },
    { value: 4, weight: 5 },
  ]);
  for (let i = 0; i < lines; i++) {
    const p = pickProduct(s, wedding);
    addItem(s.ctx, {
      cartId: cart.id,
      productId: p.id,
      quantity: f.number.int({ min: 1, max: 10 }) === 1 ? 2 : 1,
    });
  }
  if (f.number.int({ min: 1, max: 12 }) === 1) {
    setCartDiscount(s.ctx, {
      cartId: cart.id,
      discount: { kind: 'percent', bp: f.helpers.arrayElement([500, 1_000]) },
    });
  }
  const total = viewCart(s.ctx, cart.id).totals.total;
  const receipt = checkout(s.ctx, cart.id, payFor(s, total));
  s.sales++;
  if (f.number.int({ min: 1, max: 40 }) === 1) {
    const line = f.helpers.arrayElement(receipt.lines);
    s.pendingReturns.push({
      day: day + f.number.int({ min: 1, max: 10 }),
      eventId: receipt.eventId,
      lineNo: line.lineNo,
    });
  }
};

const returnOne = (s: DemoState, r: PendingReturn, cashier: StoredUser): void => {
  const { sales } = s.ctx.repos;
  const header = sales.get(r.eventId)!;
  const sold = sales.lines(r.eventId).find((l) => l.lineNo === r.lineNo)!;
  const already = sales.returnedQuantities(r.eventId).get(r.lineNo) ?? 0;
  if (already >= sold.quantity) return;
  const amount = proRataLine(sold, sold.quantity, already, 1).total;
  const firstTender = sales.payments(r.eventId)[0]?.tender ?? 'cash';
  // Big refunds are the owner's; the cashier fetches them.
  as(s, amount > requireSettings(s.ctx).refundLimit ? s.owner : cashier);
  createReturn(s.ctx, {
    originalEventId: header.eventId,
    lines: [{ originalLineNo: r.lineNo, quantity: 1 }],
    refunds: [{ tender: firstTender, amount }],
    restock: s.faker.number.int({ min: 1, max: 5 }) > 1,
    reason: s.faker.helpers.arrayElement([
      'Size exchange',
      'Colour not liked',
      'Stitching defect',
      'Gift return',
    ]),
  });
  as(s, cashier);
};

const weeklyDelivery = (s: DemoState, wedding: boolean): void => {
  const items = s.catalog.flatMap((c) => {
    const onHand = s.ctx.repos.catalog.onHand(c.id) ?? 0;
    if (onHand > c.product.reorderLevel) return [];
    const target = c.product.reorderLevel * (wedding && c.wedding ? 5 : 3) + 2;
    return [
      {
        productId: c.id,
        quantity: target - onHand,
        unitCost: Math.round((c.product.unitPrice * 0.55) / RUPEE) * RUPEE,
      },
    ];
  });
  if (items.length === 0) return;
  as(s, s.owner);
  receiveStock(s.ctx, { items, note: 'Weekly supplier delivery' });
};

export const simulateDay = (s: DemoState, day: number, dayStartUtc: number): void => {
  const f = s.faker;
  const wedding = isWeddingSeason(day);
  if (new Date(day * 86_400_000).getUTCDay() === 1) {
    s.setTime(dayStartUtc + 10 * HOUR);
    weeklyDelivery(s, wedding);
  }
  const count = poisson(
    f,
    BASE_SALES_PER_DAY * dayFactor(day) * f.number.float({ min: 0.85, max: 1.15 }),
  );
  const due = s.pendingReturns.filter((r) => r.day <= day);
  if (count === 0 && due.length === 0) return;
  s.pendingReturns = s.pendingReturns.filter((r) => r.day > day);

  const cashier = s.cashiers[day % s.cashiers.length]!;
  as(s, cashier);
  s.setTime(dayStartUtc + 10.5 * HOUR);
  const shift = openShift(s.ctx, 2_000 * RUPEE);

  const times = Array.from(
    { length: count },
    () => dayStartUtc + f.number.int({ min: 10.75 * HOUR, max: 20.75 * HOUR }),
  );
  times.sort((a, b) => a - b);
  const returnAt = new Set(due.map(() => f.number.int({ min: 0, max: Math.max(0, count - 1) })));
  times.forEach((time, i) => {
    s.setTime(time);
    sellOne(s, day, wedding);
    if (returnAt.has(i)) {
      for (const r of due.splice(0, Math.ceil(due.length / returnAt.size)))
        returnOne(s, r, cashier);
    }
  });
  s.setTime(dayStartUtc + 20.9 * HOUR);
  for (const r of due) returnOne(s, r, cashier);
  if (f.number.int({ min: 1, max: 5 }) === 1) {
    moveCash(
      s.ctx,
      -f.number.int({ min: 3, max: 8 }) * 100 * RUPEE,
      f.helpers.arrayElement(['Tea and snacks', 'Courier charges', 'Tailor advance']),
    );
  }
  s.setTime(dayStartUtc + 21.25 * HOUR);
  const expected = zReportFor(s.ctx, shift.id).expectedCash;
  const variance =
    f.number.int({ min: 1, max: 10 }) === 1 ? f.number.int({ min: -5, max: 5 }) * 10 * RUPEE : 0;
  closeShift(s.ctx, Math.max(0, expected + variance));
};
