// Pins what a sale fact is, byte for byte: the rows (sales, sale_lines, payments, stock_moves),
// the outbox bodies the sync service consumes, and the receipts, for a checkout, a return and a
// history import (sale and return). The snapshot was taken from the code before the sale fact had
// one writer (sales/saleFact.ts); a refactor that drifts any field, sign or key order fails here.
// The snapshot file is compared, never rewritten, unless vitest is run with -u on purpose.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importText } from '../../test/historyImport/historyImportTestKit';
import { openTestCore, type TestCore } from '../../test/testSupport';

const NOW = Date.parse('2025-06-01T12:00:00Z');

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore({ now: () => NOW });
});
afterEach(() => t.close());

/**
 * Every uuid replaced by <id:n>, numbered in order of first appearance, and the store id drawn at
 * set-up by <id:store>, so the dump is stable.
 */
const stableIds = (text: string): string => {
  const seen = new Map<string, string>([[t.ctx.repos.settings.get()!.storeId, '<id:store>']]);
  return text.replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|local-[0-9a-f]{8}/g,
    (id) => seen.get(id) ?? (seen.set(id, `<id:${seen.size + 1}>`), seen.get(id)!),
  );
};

const dump = (receipts: unknown[]): string => {
  const all = (sql: string): unknown[] => t.ctx.db.prepare(sql).all();
  return stableIds(
    JSON.stringify(
      {
        receipts,
        sales: all('SELECT * FROM sales ORDER BY receipt_no'),
        saleLines: all(
          `SELECT l.* FROM sale_lines l JOIN sales s ON s.event_id = l.event_id
           ORDER BY s.receipt_no, l.line_no`,
        ),
        payments: all(
          `SELECT p.* FROM payments p JOIN sales s ON s.event_id = p.event_id
           ORDER BY s.receipt_no, p.idx`,
        ),
        stockMoves: all(
          `SELECT product_id, quantity, reason, ref_event_id, unit_cost, note, user_id, occurred_at
           FROM stock_moves WHERE reason IN ('sale', 'return') ORDER BY id`,
        ),
        outbox: (
          all("SELECT type, body FROM outbox WHERE type IN ('sale', 'return') ORDER BY seq") as {
            body: string;
          }[]
        ).map((r) => r.body),
      },
      null,
      1,
    ),
  );
};

describe('the sale fact', () => {
  it('writes the same rows, outbox bodies and receipts for a sale, a return and a history import', async () => {
    await t.product('A1', 333_00, 500);
    await t.product('B1', 1_999_00, 1_200, { category: 'Sherwanis', subCategory: 'Silk' });
    await t.call('shift-open', { openingFloat: 1_000_00 });
    const cart = await t.call('cart-open', {});
    await t.call('cart-add-item', { cartId: cart.id, code: 'A1', quantity: 3 });
    await t.call('cart-add-item', { cartId: cart.id, code: 'B1', quantity: 1 });
    await t.call('cart-set-line-discount', {
      cartId: cart.id,
      lineNo: 1,
      discount: { kind: 'percent', bp: 500 },
    });
    await t.call('cart-set-cart-discount', {
      cartId: cart.id,
      discount: { kind: 'amount', amount: 101_01 },
    });
    const total = (await t.call('cart-get', { cartId: cart.id })).totals.total;
    const sale = await t.call('cart-checkout', {
      cartId: cart.id,
      payments: [
        { tender: 'card', amount: 1_000_00, reference: 'AUTH-77' },
        { tender: 'mobile', amount: 500_00, reference: '' },
        { tender: 'cash', amount: total - 1_500_00 + 20_00 },
      ],
    });
    const worth = sale.lines[0]!.total - Math.trunc((sale.lines[0]!.total * 2) / 3);
    const ret = await t.call('return-create', {
      originalEventId: sale.eventId,
      lines: [
        { originalLineNo: 1, quantity: 1 },
        { originalLineNo: 2, quantity: 1 },
      ],
      refunds: [
        { tender: 'cash', amount: worth },
        { tender: 'card', amount: sale.lines[1]!.total, reference: 'AUTH-77' },
      ],
      reason: 'Too small',
      restock: true,
    });
    const history = [
      'order_id,date,sku,qty,unit_price,type',
      'H-1,2024-03-31 18:05,A1,2,333.00,order',
      'H-1,2024-03-31 18:05,B1,1,1999,order',
      'H-2,2024-04-02 11:30,A1,1,333,return',
    ].join('\n');
    expect(await importText(t, history)).toMatchObject({ phase: 'done', errorCount: 0 });
    const imported = await t.call('sale-receipt', { receiptNo: 'H-S1-H-1' });
    const importedReturn = await t.call('sale-receipt', { receiptNo: 'H-S1-H-2-R' });
    // The dump lives in a file of its own (electron/test/snapshots): ~550 lines of rows and bodies.
    await expect(dump([sale, ret, imported, importedReturn])).toMatchFileSnapshot(
      '../../test/snapshots/saleFact.dump.txt',
    );
  });
});
