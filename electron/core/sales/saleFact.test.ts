// Pins what a sale fact is, byte for byte: the rows (sales, sale_lines, payments, stock_moves),
// the outbox bodies the sync service consumes, and the receipts, for a checkout, a return and a
// history import (sale and return). The snapshot was taken from the code before the sale fact had
// one writer (sales/saleFact.ts); a refactor that drifts any field, sign or key order fails here.
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
    expect(dump([sale, ret, imported, importedReturn])).toMatchInlineSnapshot(`
      "{
       "receipts": [
        {
         "kind": "sale",
         "eventId": "<id:2>",
         "receiptNo": "S1-T1-000001",
         "occurredAt": 1748779200000,
         "storeName": "Test Store",
         "receiptHeader": "",
         "cashierName": "Olga Owner",
         "currency": "INR",
         "taxMode": "inclusive",
         "lines": [
          {
           "lineNo": 1,
           "productId": "<id:3>",
           "sku": "A1",
           "name": "Product A1",
           "unitPrice": 33300,
           "quantity": 3,
           "taxRateBp": 500,
           "gross": 99900,
           "discount": 8247,
           "tax": 4364,
           "net": 87289,
           "total": 91653,
           "returnedQuantity": 0
          },
          {
           "lineNo": 2,
           "productId": "<id:4>",
           "sku": "B1",
           "name": "Product B1",
           "unitPrice": 199900,
           "quantity": 1,
           "taxRateBp": 1200,
           "gross": 199900,
           "discount": 6849,
           "tax": 20684,
           "net": 172367,
           "total": 193051,
           "returnedQuantity": 0
          }
         ],
         "totals": {
          "gross": 299800,
          "discount": 15096,
          "tax": 25048,
          "net": 259656,
          "total": 284704,
          "units": 4
         },
         "payments": [
          {
           "tender": "card",
           "amount": 100000,
           "reference": "AUTH-77"
          },
          {
           "tender": "mobile",
           "amount": 50000
          },
          {
           "tender": "cash",
           "amount": 136704
          }
         ],
         "change": 2000,
         "originalReceiptNo": null
        },
        {
         "kind": "return",
         "eventId": "<id:5>",
         "receiptNo": "S1-T1-000002",
         "occurredAt": 1748779200000,
         "storeName": "Test Store",
         "receiptHeader": "",
         "cashierName": "Olga Owner",
         "currency": "INR",
         "taxMode": "inclusive",
         "lines": [
          {
           "lineNo": 1,
           "productId": "<id:3>",
           "sku": "A1",
           "name": "Product A1",
           "unitPrice": 33300,
           "quantity": -1,
           "taxRateBp": 500,
           "gross": -33300,
           "discount": -2749,
           "tax": -1454,
           "net": -29097,
           "total": -30551,
           "returnedQuantity": 0
          },
          {
           "lineNo": 2,
           "productId": "<id:4>",
           "sku": "B1",
           "name": "Product B1",
           "unitPrice": 199900,
           "quantity": -1,
           "taxRateBp": 1200,
           "gross": -199900,
           "discount": -6849,
           "tax": -20684,
           "net": -172367,
           "total": -193051,
           "returnedQuantity": 0
          }
         ],
         "totals": {
          "gross": -233200,
          "discount": -9598,
          "tax": -22138,
          "net": -201464,
          "total": -223602,
          "units": -2
         },
         "payments": [
          {
           "tender": "cash",
           "amount": -30551
          },
          {
           "tender": "card",
           "amount": -193051,
           "reference": "AUTH-77"
          }
         ],
         "change": 0,
         "originalReceiptNo": "S1-T1-000001"
        },
        {
         "kind": "sale",
         "eventId": "<id:6>",
         "receiptNo": "H-S1-H-1",
         "occurredAt": 1711888500000,
         "storeName": "Test Store",
         "receiptHeader": "",
         "cashierName": "Olga Owner",
         "currency": "INR",
         "taxMode": "inclusive",
         "lines": [
          {
           "lineNo": 1,
           "productId": "<id:3>",
           "sku": "A1",
           "name": "Product A1",
           "unitPrice": 33300,
           "quantity": 2,
           "taxRateBp": 500,
           "gross": 66600,
           "discount": 0,
           "tax": 3171,
           "net": 63429,
           "total": 66600,
           "returnedQuantity": 0
          },
          {
           "lineNo": 2,
           "productId": "<id:4>",
           "sku": "B1",
           "name": "Product B1",
           "unitPrice": 199900,
           "quantity": 1,
           "taxRateBp": 1200,
           "gross": 199900,
           "discount": 0,
           "tax": 21418,
           "net": 178482,
           "total": 199900,
           "returnedQuantity": 0
          }
         ],
         "totals": {
          "gross": 266500,
          "discount": 0,
          "tax": 24589,
          "net": 241911,
          "total": 266500,
          "units": 3
         },
         "payments": [
          {
           "tender": "other",
           "amount": 266500,
           "reference": "history import"
          }
         ],
         "change": 0,
         "originalReceiptNo": null
        },
        {
         "kind": "return",
         "eventId": "<id:7>",
         "receiptNo": "H-S1-H-2-R",
         "occurredAt": 1712037600000,
         "storeName": "Test Store",
         "receiptHeader": "",
         "cashierName": "Olga Owner",
         "currency": "INR",
         "taxMode": "inclusive",
         "lines": [
          {
           "lineNo": 1,
           "productId": "<id:3>",
           "sku": "A1",
           "name": "Product A1",
           "unitPrice": 33300,
           "quantity": -1,
           "taxRateBp": 500,
           "gross": -33300,
           "discount": 0,
           "tax": -1586,
           "net": -31714,
           "total": -33300,
           "returnedQuantity": 0
          }
         ],
         "totals": {
          "gross": -33300,
          "discount": 0,
          "tax": -1586,
          "net": -31714,
          "total": -33300,
          "units": -1
         },
         "payments": [
          {
           "tender": "other",
           "amount": -33300,
           "reference": "history import"
          }
         ],
         "change": 0,
         "originalReceiptNo": null
        }
       ],
       "sales": [
        {
         "event_id": "<id:6>",
         "kind": "sale",
         "receipt_no": "H-S1-H-1",
         "occurred_at": 1711888500000,
         "cashier_id": "<id:8>",
         "cashier_name": "Olga Owner",
         "shift_id": null,
         "original_event_id": null,
         "currency": "INR",
         "tax_mode": "inclusive",
         "gross": 266500,
         "discount": 0,
         "tax": 24589,
         "net": 241911,
         "total": 266500,
         "units": 3,
         "change_given": 0,
         "reason": "",
         "restock": 0
        },
        {
         "event_id": "<id:7>",
         "kind": "return",
         "receipt_no": "H-S1-H-2-R",
         "occurred_at": 1712037600000,
         "cashier_id": "<id:8>",
         "cashier_name": "Olga Owner",
         "shift_id": null,
         "original_event_id": null,
         "currency": "INR",
         "tax_mode": "inclusive",
         "gross": -33300,
         "discount": 0,
         "tax": -1586,
         "net": -31714,
         "total": -33300,
         "units": -1,
         "change_given": 0,
         "reason": "history import",
         "restock": 0
        },
        {
         "event_id": "<id:2>",
         "kind": "sale",
         "receipt_no": "S1-T1-000001",
         "occurred_at": 1748779200000,
         "cashier_id": "<id:8>",
         "cashier_name": "Olga Owner",
         "shift_id": "<id:9>",
         "original_event_id": null,
         "currency": "INR",
         "tax_mode": "inclusive",
         "gross": 299800,
         "discount": 15096,
         "tax": 25048,
         "net": 259656,
         "total": 284704,
         "units": 4,
         "change_given": 2000,
         "reason": "",
         "restock": 0
        },
        {
         "event_id": "<id:5>",
         "kind": "return",
         "receipt_no": "S1-T1-000002",
         "occurred_at": 1748779200000,
         "cashier_id": "<id:8>",
         "cashier_name": "Olga Owner",
         "shift_id": "<id:9>",
         "original_event_id": "<id:2>",
         "currency": "INR",
         "tax_mode": "inclusive",
         "gross": -233200,
         "discount": -9598,
         "tax": -22138,
         "net": -201464,
         "total": -223602,
         "units": -2,
         "change_given": 0,
         "reason": "Too small",
         "restock": 1
        }
       ],
       "saleLines": [
        {
         "event_id": "<id:6>",
         "line_no": 1,
         "original_line_no": null,
         "product_id": "<id:3>",
         "sku": "A1",
         "name": "Product A1",
         "category": "Kurtas",
         "sub_category": "Cotton Kurta",
         "unit_price": 33300,
         "quantity": 2,
         "tax_rate_bp": 500,
         "gross": 66600,
         "discount": 0,
         "tax": 3171,
         "net": 63429,
         "total": 66600
        },
        {
         "event_id": "<id:6>",
         "line_no": 2,
         "original_line_no": null,
         "product_id": "<id:4>",
         "sku": "B1",
         "name": "Product B1",
         "category": "Sherwanis",
         "sub_category": "Silk",
         "unit_price": 199900,
         "quantity": 1,
         "tax_rate_bp": 1200,
         "gross": 199900,
         "discount": 0,
         "tax": 21418,
         "net": 178482,
         "total": 199900
        },
        {
         "event_id": "<id:7>",
         "line_no": 1,
         "original_line_no": 1,
         "product_id": "<id:3>",
         "sku": "A1",
         "name": "Product A1",
         "category": "Kurtas",
         "sub_category": "Cotton Kurta",
         "unit_price": 33300,
         "quantity": -1,
         "tax_rate_bp": 500,
         "gross": -33300,
         "discount": 0,
         "tax": -1586,
         "net": -31714,
         "total": -33300
        },
        {
         "event_id": "<id:2>",
         "line_no": 1,
         "original_line_no": null,
         "product_id": "<id:3>",
         "sku": "A1",
         "name": "Product A1",
         "category": "Kurtas",
         "sub_category": "Cotton Kurta",
         "unit_price": 33300,
         "quantity": 3,
         "tax_rate_bp": 500,
         "gross": 99900,
         "discount": 8247,
         "tax": 4364,
         "net": 87289,
         "total": 91653
        },
        {
         "event_id": "<id:2>",
         "line_no": 2,
         "original_line_no": null,
         "product_id": "<id:4>",
         "sku": "B1",
         "name": "Product B1",
         "category": "Sherwanis",
         "sub_category": "Silk",
         "unit_price": 199900,
         "quantity": 1,
         "tax_rate_bp": 1200,
         "gross": 199900,
         "discount": 6849,
         "tax": 20684,
         "net": 172367,
         "total": 193051
        },
        {
         "event_id": "<id:5>",
         "line_no": 1,
         "original_line_no": 1,
         "product_id": "<id:3>",
         "sku": "A1",
         "name": "Product A1",
         "category": "Kurtas",
         "sub_category": "Cotton Kurta",
         "unit_price": 33300,
         "quantity": -1,
         "tax_rate_bp": 500,
         "gross": -33300,
         "discount": -2749,
         "tax": -1454,
         "net": -29097,
         "total": -30551
        },
        {
         "event_id": "<id:5>",
         "line_no": 2,
         "original_line_no": 2,
         "product_id": "<id:4>",
         "sku": "B1",
         "name": "Product B1",
         "category": "Sherwanis",
         "sub_category": "Silk",
         "unit_price": 199900,
         "quantity": -1,
         "tax_rate_bp": 1200,
         "gross": -199900,
         "discount": -6849,
         "tax": -20684,
         "net": -172367,
         "total": -193051
        }
       ],
       "payments": [
        {
         "event_id": "<id:6>",
         "idx": 1,
         "tender": "other",
         "amount": 266500,
         "reference": "history import"
        },
        {
         "event_id": "<id:7>",
         "idx": 1,
         "tender": "other",
         "amount": -33300,
         "reference": "history import"
        },
        {
         "event_id": "<id:2>",
         "idx": 1,
         "tender": "card",
         "amount": 100000,
         "reference": "AUTH-77"
        },
        {
         "event_id": "<id:2>",
         "idx": 2,
         "tender": "mobile",
         "amount": 50000,
         "reference": ""
        },
        {
         "event_id": "<id:2>",
         "idx": 3,
         "tender": "cash",
         "amount": 136704,
         "reference": null
        },
        {
         "event_id": "<id:5>",
         "idx": 1,
         "tender": "cash",
         "amount": -30551,
         "reference": null
        },
        {
         "event_id": "<id:5>",
         "idx": 2,
         "tender": "card",
         "amount": -193051,
         "reference": "AUTH-77"
        }
       ],
       "stockMoves": [
        {
         "product_id": "<id:3>",
         "quantity": -3,
         "reason": "sale",
         "ref_event_id": "<id:2>",
         "unit_cost": null,
         "note": "S1-T1-000001",
         "user_id": "<id:8>",
         "occurred_at": 1748779200000
        },
        {
         "product_id": "<id:4>",
         "quantity": -1,
         "reason": "sale",
         "ref_event_id": "<id:2>",
         "unit_cost": null,
         "note": "S1-T1-000001",
         "user_id": "<id:8>",
         "occurred_at": 1748779200000
        },
        {
         "product_id": "<id:3>",
         "quantity": 1,
         "reason": "return",
         "ref_event_id": "<id:5>",
         "unit_cost": null,
         "note": "S1-T1-000002",
         "user_id": "<id:8>",
         "occurred_at": 1748779200000
        },
        {
         "product_id": "<id:4>",
         "quantity": 1,
         "reason": "return",
         "ref_event_id": "<id:5>",
         "unit_cost": null,
         "note": "S1-T1-000002",
         "user_id": "<id:8>",
         "occurred_at": 1748779200000
        }
       ],
       "outbox": [
        "{\\"eventId\\":\\"<id:2>\\",\\"schemaVersion\\":1,\\"storeId\\":\\"<id:store>\\",\\"tillId\\":\\"till-1\\",\\"seq\\":4,\\"occurredAt\\":1748779200000,\\"type\\":\\"sale\\",\\"payload\\":{\\"receiptNo\\":\\"S1-T1-000001\\",\\"cashierId\\":\\"<id:8>\\",\\"cashierName\\":\\"Olga Owner\\",\\"shiftId\\":\\"<id:9>\\",\\"currency\\":\\"INR\\",\\"taxMode\\":\\"inclusive\\",\\"lines\\":[{\\"lineNo\\":1,\\"productId\\":\\"<id:3>\\",\\"sku\\":\\"A1\\",\\"name\\":\\"Product A1\\",\\"category\\":\\"Kurtas\\",\\"subCategory\\":\\"Cotton Kurta\\",\\"unitPrice\\":33300,\\"quantity\\":3,\\"taxRateBp\\":500,\\"gross\\":99900,\\"discount\\":8247,\\"tax\\":4364,\\"net\\":87289},{\\"lineNo\\":2,\\"productId\\":\\"<id:4>\\",\\"sku\\":\\"B1\\",\\"name\\":\\"Product B1\\",\\"category\\":\\"Sherwanis\\",\\"subCategory\\":\\"Silk\\",\\"unitPrice\\":199900,\\"quantity\\":1,\\"taxRateBp\\":1200,\\"gross\\":199900,\\"discount\\":6849,\\"tax\\":20684,\\"net\\":172367}],\\"payments\\":[{\\"tender\\":\\"card\\",\\"amount\\":100000,\\"reference\\":\\"AUTH-77\\"},{\\"tender\\":\\"mobile\\",\\"amount\\":50000},{\\"tender\\":\\"cash\\",\\"amount\\":136704}],\\"change\\":2000,\\"totals\\":{\\"gross\\":299800,\\"discount\\":15096,\\"tax\\":25048,\\"net\\":259656,\\"total\\":284704,\\"units\\":4}}}",
        "{\\"eventId\\":\\"<id:5>\\",\\"schemaVersion\\":1,\\"storeId\\":\\"<id:store>\\",\\"tillId\\":\\"till-1\\",\\"seq\\":5,\\"occurredAt\\":1748779200000,\\"type\\":\\"return\\",\\"payload\\":{\\"receiptNo\\":\\"S1-T1-000002\\",\\"originalEventId\\":\\"<id:2>\\",\\"originalReceiptNo\\":\\"S1-T1-000001\\",\\"cashierId\\":\\"<id:8>\\",\\"cashierName\\":\\"Olga Owner\\",\\"shiftId\\":\\"<id:9>\\",\\"currency\\":\\"INR\\",\\"reason\\":\\"Too small\\",\\"restock\\":true,\\"lines\\":[{\\"lineNo\\":1,\\"originalLineNo\\":1,\\"productId\\":\\"<id:3>\\",\\"sku\\":\\"A1\\",\\"name\\":\\"Product A1\\",\\"category\\":\\"Kurtas\\",\\"subCategory\\":\\"Cotton Kurta\\",\\"unitPrice\\":33300,\\"quantity\\":-1,\\"taxRateBp\\":500,\\"gross\\":-33300,\\"discount\\":-2749,\\"tax\\":-1454,\\"net\\":-29097},{\\"lineNo\\":2,\\"originalLineNo\\":2,\\"productId\\":\\"<id:4>\\",\\"sku\\":\\"B1\\",\\"name\\":\\"Product B1\\",\\"category\\":\\"Sherwanis\\",\\"subCategory\\":\\"Silk\\",\\"unitPrice\\":199900,\\"quantity\\":-1,\\"taxRateBp\\":1200,\\"gross\\":-199900,\\"discount\\":-6849,\\"tax\\":-20684,\\"net\\":-172367}],\\"refunds\\":[{\\"tender\\":\\"cash\\",\\"amount\\":-30551},{\\"tender\\":\\"card\\",\\"amount\\":-193051,\\"reference\\":\\"AUTH-77\\"}],\\"totals\\":{\\"gross\\":-233200,\\"discount\\":-9598,\\"tax\\":-22138,\\"net\\":-201464,\\"total\\":-223602,\\"units\\":-2}}}",
        "{\\"eventId\\":\\"<id:6>\\",\\"schemaVersion\\":1,\\"storeId\\":\\"<id:store>\\",\\"tillId\\":\\"till-1\\",\\"seq\\":6,\\"occurredAt\\":1711888500000,\\"type\\":\\"sale\\",\\"payload\\":{\\"receiptNo\\":\\"H-S1-H-1\\",\\"cashierId\\":\\"<id:8>\\",\\"cashierName\\":\\"Olga Owner\\",\\"shiftId\\":null,\\"currency\\":\\"INR\\",\\"taxMode\\":\\"inclusive\\",\\"lines\\":[{\\"lineNo\\":1,\\"productId\\":\\"<id:3>\\",\\"sku\\":\\"A1\\",\\"name\\":\\"Product A1\\",\\"category\\":\\"Kurtas\\",\\"subCategory\\":\\"Cotton Kurta\\",\\"unitPrice\\":33300,\\"quantity\\":2,\\"taxRateBp\\":500,\\"gross\\":66600,\\"discount\\":0,\\"tax\\":3171,\\"net\\":63429},{\\"lineNo\\":2,\\"productId\\":\\"<id:4>\\",\\"sku\\":\\"B1\\",\\"name\\":\\"Product B1\\",\\"category\\":\\"Sherwanis\\",\\"subCategory\\":\\"Silk\\",\\"unitPrice\\":199900,\\"quantity\\":1,\\"taxRateBp\\":1200,\\"gross\\":199900,\\"discount\\":0,\\"tax\\":21418,\\"net\\":178482}],\\"payments\\":[{\\"tender\\":\\"other\\",\\"amount\\":266500,\\"reference\\":\\"history import\\"}],\\"change\\":0,\\"totals\\":{\\"gross\\":266500,\\"discount\\":0,\\"tax\\":24589,\\"net\\":241911,\\"total\\":266500,\\"units\\":3},\\"importRef\\":\\"sale:H-1\\"}}",
        "{\\"eventId\\":\\"<id:7>\\",\\"schemaVersion\\":1,\\"storeId\\":\\"<id:store>\\",\\"tillId\\":\\"till-1\\",\\"seq\\":7,\\"occurredAt\\":1712037600000,\\"type\\":\\"return\\",\\"payload\\":{\\"receiptNo\\":\\"H-S1-H-2-R\\",\\"originalEventId\\":\\"<id:10>\\",\\"originalReceiptNo\\":\\"H-S1-H-2\\",\\"cashierId\\":\\"<id:8>\\",\\"cashierName\\":\\"Olga Owner\\",\\"shiftId\\":null,\\"currency\\":\\"INR\\",\\"reason\\":\\"history import\\",\\"restock\\":false,\\"lines\\":[{\\"lineNo\\":1,\\"originalLineNo\\":1,\\"productId\\":\\"<id:3>\\",\\"sku\\":\\"A1\\",\\"name\\":\\"Product A1\\",\\"category\\":\\"Kurtas\\",\\"subCategory\\":\\"Cotton Kurta\\",\\"unitPrice\\":33300,\\"quantity\\":-1,\\"taxRateBp\\":500,\\"gross\\":-33300,\\"discount\\":0,\\"tax\\":-1586,\\"net\\":-31714}],\\"refunds\\":[{\\"tender\\":\\"other\\",\\"amount\\":-33300,\\"reference\\":\\"history import\\"}],\\"totals\\":{\\"gross\\":-33300,\\"discount\\":0,\\"tax\\":-1586,\\"net\\":-31714,\\"total\\":-33300,\\"units\\":-1},\\"importRef\\":\\"return:H-2\\"}}"
       ]
      }"
    `);
  });
});
