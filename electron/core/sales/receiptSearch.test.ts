// Finding a past receipt the way a cashier types it: any case, the sequence number alone, an
// item, an amount, a day (the store's local day, Asia/Kolkata in the test core).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';
import { amountOfSearch } from './receiptSearch';

// 2026-03-10 10:00 IST and 2026-03-11 10:00 IST.
const DAY1 = Date.UTC(2026, 2, 10, 4, 30);
const DAY2 = Date.UTC(2026, 2, 11, 4, 30);
let now = DAY1;
let t: TestCore;
beforeEach(async () => {
  now = DAY1;
  t = await openTestCore({ now: () => now });
  await t.product('KCT-001', 899_00, 500, { name: 'Ivory Cotton Kurta' });
  await t.product('JPJ-003', 1_299_00, 500, { name: 'Embroidered Punjabi Jutti' });
  await t.call('shift-open', { openingFloat: 0 });
});
afterEach(() => t.close());

const sell = async (code: string, at: number) => {
  now = at;
  const cart = await t.call('cart-open', {});
  const priced = await t.call('cart-add-item', { cartId: cart.id, code });
  return t.call('cart-checkout', {
    cartId: cart.id,
    payments: [{ tender: 'card', amount: priced.totals.total }],
  });
};

describe('receipt lookup', () => {
  it('accepts the receipt number in any case, or its sequence number alone', async () => {
    const first = await sell('KCT-001', DAY1);
    const second = await sell('JPJ-003', DAY1 + 60_000);
    expect(second.receiptNo).toBe('S1-T1-000002');
    for (const typed of ['S1-T1-000002', 's1-t1-000002', ' 2 ', '000002']) {
      expect((await t.call('sale-receipt', { receiptNo: typed })).eventId).toBe(second.eventId);
    }
    expect((await t.call('sale-receipt', { receiptNo: '1' })).eventId).toBe(first.eventId);
    expect((await t.fail('sale-receipt', { receiptNo: '99' })).code).toBe('SALE_NOT_FOUND');
  });
});

describe('receipt search', () => {
  it('finds receipts by item, amount and day, the named receipt first', async () => {
    const kurta = await sell('KCT-001', DAY1);
    const jutti = await sell('JPJ-003', DAY1 + 60_000);
    const kurta2 = await sell('KCT-001', DAY2);
    const ids = async (query: string, day?: string) =>
      (await t.call('sale-search', { query, ...(day ? { day } : {}) })).map((r) => r.eventId);

    expect(await ids('')).toEqual([kurta2.eventId, jutti.eventId, kurta.eventId]);
    expect(await ids('kurta')).toEqual([kurta2.eventId, kurta.eventId]);
    expect(await ids('jpj')).toEqual([jutti.eventId]);
    expect(await ids('1299')).toEqual([jutti.eventId]);
    expect(await ids('₹1,299.00')).toEqual([jutti.eventId]);
    expect(await ids('', '2026-03-11')).toEqual([kurta2.eventId]);
    expect(await ids('kurta', '2026-03-10')).toEqual([kurta.eventId]);
    expect(await ids('', '2026-03-12')).toEqual([]);
    // The sequence number names its receipt; it comes first.
    expect((await ids('2'))[0]).toBe(jutti.eventId);
    expect((await ids('s1-t1-000003'))[0]).toBe(kurta2.eventId);
    const [match] = await t.call('sale-search', { query: 'jutti' });
    expect(match).toMatchObject({
      receiptNo: 'S1-T1-000002',
      total: 1_299_00,
      firstItem: 'Embroidered Punjabi Jutti',
    });
    // LIKE wildcards typed by a person are plain characters.
    expect(await ids('%')).toEqual([]);
  });

  it('reads an amount the way it is typed', () => {
    expect(amountOfSearch('1299', 'INR')).toBe(1_299_00);
    expect(amountOfSearch('₹1,03,947.00', 'INR')).toBe(1_03_947_00);
    expect(amountOfSearch('1,499', 'INR')).toBe(1_499_00);
    expect(amountOfSearch('12,50', 'EUR')).toBe(12_50);
    expect(amountOfSearch('kurta 2', 'INR')).toBeNull();
    expect(amountOfSearch('S1-T1-000002', 'INR')).toBeNull();
  });
});
