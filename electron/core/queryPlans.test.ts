// The hot lookups must hit their indexes, whatever the table sizes grow to.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const plan = (sql: string, ...params: unknown[]): string =>
  (t.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');

describe('query plans', () => {
  it('looks up barcodes, SKUs and ids by index', () => {
    expect(
      plan(
        'SELECT p.* FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?',
        'x',
      ),
    ).toMatch(
      /SEARCH b USING PRIMARY KEY \(barcode=\?\).*SEARCH p USING INDEX sqlite_autoindex_products_1 \(id=\?\)/,
    );
    expect(plan('SELECT * FROM products WHERE sku = ?', 'x')).toMatch(
      /SEARCH products USING INDEX sqlite_autoindex_products_2 \(sku=\?\)/,
    );
  });

  it('searches names through the FTS index', () => {
    expect(
      plan(
        'SELECT p.* FROM product_fts JOIN products p ON p.num = product_fts.rowid WHERE product_fts MATCH ? ORDER BY rank LIMIT 20',
        '"kur"*',
      ),
    ).toMatch(/SCAN product_fts VIRTUAL TABLE INDEX.*SEARCH p USING INTEGER PRIMARY KEY/);
  });

  it('finds receipts by number and returns by original sale by index', () => {
    expect(plan('SELECT * FROM sales WHERE receipt_no = ?', 'S1-T1-000001')).toMatch(
      /SEARCH sales USING INDEX sqlite_autoindex_sales_2 \(receipt_no=\?\)/,
    );
    expect(
      plan(
        'SELECT l.original_line_no, sum(l.quantity) FROM sales s JOIN sale_lines l ON l.event_id = s.event_id WHERE s.original_event_id = ? GROUP BY l.original_line_no',
        'x',
      ),
    ).toMatch(/SEARCH s USING (COVERING )?INDEX sales_by_original/);
  });

  it('scans pending outbox rows in seq order by the (status, seq) index', () => {
    expect(
      plan("SELECT seq, body FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 100"),
    ).toMatch(/SEARCH outbox USING INDEX outbox_by_status_seq \(status=\?\)/);
    expect(
      plan("SELECT seq, body FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 100"),
    ).not.toMatch(/TEMP B-TREE/);
  });

  it('reads a product’s stock moves by index', () => {
    expect(
      plan(
        "SELECT -sum(quantity) FROM stock_moves WHERE product_id = ? AND occurred_at >= ? AND reason IN ('sale','return')",
        'x',
        0,
      ),
    ).toMatch(
      /SEARCH stock_moves USING INDEX stock_moves_by_product \(product_id=\? AND occurred_at>\?\)/,
    );
  });
});
