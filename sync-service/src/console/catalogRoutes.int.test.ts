// The HQ master catalog from the console against the real Postgres: search and paging (also at
// 100,000 products, through the trigram index), edits that tills pull, CSV import with preview,
// per-row errors and all-or-nothing commits.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CatalogImportPreview,
  CatalogImportResult,
  CatalogProductRow,
  CatalogSearchResponse,
  CatalogTillsResponse,
} from '../../../shared/console/consoleApi';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import { startTestConsole, type ConsoleClient, type TestConsole } from '../../test/consoleTestKit';

const product = (n: number): Omit<ProductSnapshot, 'productId'> => ({
  sku: `SKU-${n}`,
  barcodes: [`40000000${String(n).padStart(5, '0')}`],
  name: `Product ${n}`,
  category: n % 2 === 0 ? 'Drinks' : 'Snacks',
  subCategory: '',
  unitPrice: 100 + n,
  taxRateBp: 1_900,
  reorderLevel: 5,
  leadTimeDays: 3,
  active: true,
});

/** Records the text and values of every query sent through `pool.query` until `stop`. */
const recordQueries = (
  pool: pg.Pool,
): { queries: { text: string; values: unknown[] }[]; stop(): void } => {
  const queries: { text: string; values: unknown[] }[] = [];
  const target = pool as unknown as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  target.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string')
      queries.push({ text: first, values: Array.isArray(second) ? second : [] });
    return original.apply(this, args);
  };
  return {
    queries,
    stop: () => {
      target.query = original;
    },
  };
};

describe('console master catalog', () => {
  let hq: TestConsole;
  let manager: ConsoleClient;
  beforeAll(async () => {
    hq = await startTestConsole('console-catalog');
    manager = await hq.as('manager');
  });
  afterAll(async () => {
    await hq?.dispose();
  });

  const search = async (query: string): Promise<CatalogSearchResponse> => {
    const res = await manager.call('GET', `/v1/console/catalog/products?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as CatalogSearchResponse;
  };

  it('creates and edits products, bumping versions tills pull', async () => {
    const created = await manager.call('POST', '/v1/console/catalog/products', product(1));
    expect(created.status).toBe(201);
    const row = (await created.json()) as CatalogProductRow;
    expect(row).toMatchObject({ product: product(1), version: 1 });
    const duplicateSku = await manager.call('POST', '/v1/console/catalog/products', product(1));
    expect(duplicateSku.status).toBe(409);

    const edited = await manager.call(
      'PUT',
      `/v1/console/catalog/products/${row.product.productId}`,
      { ...row.product, unitPrice: 999 },
    );
    expect(edited.status).toBe(200);
    expect((await edited.json()) as CatalogProductRow).toMatchObject({
      version: 2,
      product: { unitPrice: 999 },
    });
    const mismatch = await manager.call('PUT', '/v1/console/catalog/products/other', row.product);
    expect(mismatch.status).toBe(400);
    const missing = await manager.call('PUT', '/v1/console/catalog/products/nope', {
      ...row.product,
      productId: 'nope',
    });
    expect(missing.status).toBe(404);

    const { storeId, token } = await hq.enrollTill();
    const pulled = await fetch(`${hq.url}/v1/catalog`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await pulled.json()) as { items: { product: ProductSnapshot }[] };
    expect(page.items.map((i) => i.product.unitPrice)).toEqual([999]);
    const tills = (await (
      await manager.call('GET', '/v1/console/catalog/tills')
    ).json()) as CatalogTillsResponse;
    expect(tills.catalogVersion).toBe(2);
    expect(tills.tills).toEqual([expect.objectContaining({ storeId, pulledVersion: 2 })]);

    const { rows } = await hq.service.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'catalog.%' ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['catalog.create', 'catalog.update']);
    const analyst = await hq.as('analyst');
    expect((await analyst.call('POST', '/v1/console/catalog/products', product(2))).status).toBe(
      403,
    );
    expect((await analyst.call('GET', '/v1/console/catalog/products')).status).toBe(200);
  });

  it('imports a CSV with a field-by-field preview; absent columns keep their values', async () => {
    const csv = [
      'sku,name,price,tax_rate',
      'SKU-1,Product one renamed,9.99,19',
      'NEW-1,Brand new,1.50,7',
      'NEW-2,Another,2,',
    ].join('\n');
    const previewRes = await manager.call('POST', '/v1/console/catalog/import/preview', {
      csv,
      currency: 'EUR',
    });
    expect(previewRes.status).toBe(200);
    const preview = (await previewRes.json()) as CatalogImportPreview;
    expect(preview).toMatchObject({
      totalRows: 3,
      validRows: 3,
      creates: 2,
      updates: 1,
      unchanged: 0,
      errors: [],
    });
    expect(preview.changes).toEqual([
      {
        line: 2,
        sku: 'SKU-1',
        fields: [{ field: 'name', before: 'Product 1', after: 'Product one renamed' }],
      },
    ]);
    const imported = await manager.call('POST', '/v1/console/catalog/import', {
      csv,
      currency: 'EUR',
    });
    expect(imported.status).toBe(200);
    expect((await imported.json()) as CatalogImportResult).toMatchObject({
      created: 2,
      updated: 1,
      unchanged: 0,
    });
    const found = await search('q=SKU-1');
    const one = found.items.find((i) => i.product.sku === 'SKU-1')?.product;
    // The file had no category, barcodes or reorder_level: they are as before.
    expect(one).toMatchObject({
      name: 'Product one renamed',
      unitPrice: 999,
      category: 'Snacks',
      barcodes: ['4000000000001'],
      reorderLevel: 5,
    });
    const again = await manager.call('POST', '/v1/console/catalog/import', {
      csv,
      currency: 'EUR',
    });
    expect((await again.json()) as CatalogImportResult).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('imports the valid rows, skips and lists the bad ones by line and column', async () => {
    const before = await search('q=');
    const csv = [
      'sku,name,price,barcodes',
      'OK-1,Fine,1.00,',
      'BAD-1,,abc,4000000000001',
      'OK-1,Twice,1.00,',
    ].join('\n');
    const res = await manager.call('POST', '/v1/console/catalog/import', { csv, currency: 'EUR' });
    expect(res.status).toBe(200);
    const result = (await res.json()) as CatalogImportResult;
    expect(result).toMatchObject({ created: 1, skipped: 2 });
    const where = result.errors.map((e) => `${e.line}:${e.column ?? ''}`);
    expect(where).toEqual(expect.arrayContaining(['3:name', '3:price', '3:barcodes', '4:sku']));
    expect((await search('q=')).total).toBe(before.total + 1);
    expect((await search('q=BAD-1')).items.some((i) => i.product.sku === 'BAD-1')).toBe(false);
    // A file with no valid row imports nothing and says why.
    const none = await manager.call('POST', '/v1/console/catalog/import', {
      csv: 'sku,name,price\nBAD-2,,abc',
      currency: 'EUR',
    });
    expect(none.status).toBe(422);
    const body = (await none.json()) as { code: string; preview: CatalogImportPreview };
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.preview.errors.map((e) => e.line)).toEqual([2, 2]);
    expect((await search('q=')).total).toBe(before.total + 1);
    const unknownColumn = await manager.call('POST', '/v1/console/catalog/import/preview', {
      csv: 'sku,name,price,colour\nA,B,1,red',
      currency: 'EUR',
    });
    expect(((await unknownColumn.json()) as CatalogImportPreview).errors[0]).toMatchObject({
      line: 1,
      column: 'colour',
    });
    const audit = await hq.service.pool.query(
      `SELECT after FROM audit_log WHERE action = 'catalog.import'`,
    );
    // The first file's import and this one's (which imported its valid row).
    expect(audit.rows).toHaveLength(2);
  });

  it('searches and pages 100,000 products through the trigram index', async () => {
    await hq.service.pool.query(`
      INSERT INTO catalog_products (product_id, snapshot, version)
      SELECT 'bulk-' || n, jsonb_build_object(
        'productId', 'bulk-' || n, 'sku', 'BULK-' || n, 'barcodes', jsonb_build_array('77' || lpad(n::text, 11, '0')),
        'name', 'Bulk item ' || n, 'category', CASE WHEN n % 3 = 0 THEN 'Dairy' ELSE 'Bakery' END,
        'subCategory', '', 'unitPrice', n, 'taxRateBp', 700, 'reorderLevel', 0, 'leadTimeDays', 0,
        'active', true), 1000 + n
      FROM generate_series(1, 100000) AS n`);
    await hq.service.pool.query('UPDATE catalog_state SET version = 101000');
    await hq.service.pool.query('ANALYZE catalog_products');

    // The statements the search really sends are recorded, to EXPLAIN them below (not copies).
    const sent = recordQueries(hq.service.pool);
    const bySku = await search('q=BULK-4242&pageSize=10');
    sent.stop();
    expect(bySku.items[0]?.product.sku).toBe('BULK-4242');
    expect(bySku.total).toBe(11); // 4242, 42420..42429
    const byBarcode = await search(`q=${'77' + '00000012345'}`);
    expect(byBarcode.items.map((i) => i.product.sku)).toEqual(['BULK-12345']);
    const paged = await search('q=dairy&page=3&pageSize=50');
    expect(paged.items).toHaveLength(50);
    expect(paged.total).toBeGreaterThan(10_000);
    expect(paged.totalIsEstimate).toBe(true);
    const all = await search('page=2&pageSize=200');
    expect(all.items).toHaveLength(200);
    expect(all.total).toBeGreaterThan(100_000);
    expect(all.catalogVersion).toBe(101_000);

    const searches = sent.queries.filter((q) => q.text.includes('search_text LIKE'));
    expect(searches).toHaveLength(2); // the page and the capped count
    for (const { text, values } of searches) {
      const plan = await hq.service.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), text).toContain(
        'catalog_products_search',
      );
    }
    const bad = await manager.call('GET', '/v1/console/catalog/products?pageSize=5000');
    expect(bad.status).toBe(400);
  });
});
