import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.close());

const GOOD = [
  'sku,name,category,sub_category,price,tax_rate,barcodes,reorder_level,lead_time_days,active',
  'KCT-001,Ivory Cotton Kurta,Kurtas,Cotton Kurta,899,5,8901234567890|8901234567891,4,10,yes',
  'SHW-001,"Maroon Zardozi Sherwani, Royal",Sherwanis,Wedding Sherwani,24999.00,12,,1,30,',
].join('\n');

describe('catalog CSV import', () => {
  it('previews, then imports every row in one go', async () => {
    const preview = await t.call('catalog-import-preview', { csv: GOOD, kind: 'catalog' });
    expect(preview).toMatchObject({
      totalRows: 2,
      validRows: 2,
      errors: [],
      creates: 2,
      updates: 0,
    });
    expect(preview.sample[1]!.name).toBe('Maroon Zardozi Sherwani, Royal');
    const result = await t.call('catalog-import-commit', { csv: GOOD, kind: 'catalog' });
    expect(result).toEqual({ imported: 2, created: 2, updated: 0 });
    const kurta = await t.call('catalog-lookup', { code: '8901234567891' });
    expect(kurta).toMatchObject({
      sku: 'KCT-001',
      unitPrice: 899_00,
      taxRateBp: 500,
      reorderLevel: 4,
      leadTimeDays: 10,
      active: true,
    });
    expect((await t.call('catalog-lookup', { code: 'SHW-001' }))!.unitPrice).toBe(24_999_00);
    expect(
      (
        t.core.db
          .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'catalog_change'")
          .get() as { n: number }
      ).n,
    ).toBe(2);
    // Re-importing updates by SKU.
    const again = await t.call('catalog-import-commit', {
      csv: GOOD.replace('899,5', '949,5'),
      kind: 'catalog',
    });
    expect(again).toEqual({ imported: 2, created: 0, updated: 2 });
    expect((await t.call('catalog-lookup', { code: 'KCT-001' }))!.unitPrice).toBe(949_00);
  });

  it('reports each bad cell with its line and column, and imports nothing', async () => {
    const csv = [
      'sku,name,price,tax_rate,barcodes',
      'A-1,Good Row,100,5,111',
      'A-2,,12.345,5,222',
      'A-3,Bad Tax,100,abc,111',
      'A-1,Duplicate Sku,100,5,',
    ].join('\n');
    const preview = await t.call('catalog-import-preview', { csv, kind: 'catalog' });
    expect(preview.validRows).toBe(1);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'name' }),
        expect.objectContaining({ line: 3, column: 'price' }),
        expect.objectContaining({ line: 4, column: 'tax_rate' }),
        expect.objectContaining({ line: 4, column: 'barcodes' }),
        expect.objectContaining({ line: 5, column: 'sku' }),
      ]),
    );
    const e = await t.fail('catalog-import-commit', { csv, kind: 'catalog' });
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toContain('line 3');
    expect((await t.call('catalog-list', {})).total).toBe(0);
    expect((await t.call('outbox-status', {})).lastSeq).toBe(0);
  });

  it('rejects a header without the required columns', async () => {
    const preview = await t.call('catalog-import-preview', {
      csv: 'sku,title\nA,B',
      kind: 'catalog',
    });
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        { line: 1, column: 'name', reason: expect.stringContaining('no "name"') },
        { line: 1, column: 'title', reason: expect.stringContaining('Unknown column') },
      ]),
    );
  });

  it('imports opening stock as stock moves against existing SKUs', async () => {
    await t.call('catalog-import-commit', { csv: GOOD, kind: 'catalog' });
    const bad = await t.call('catalog-import-preview', {
      csv: 'sku,quantity\nKCT-001,12\nNOPE,3\nSHW-001,0',
      kind: 'opening-stock',
    });
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'sku'],
      [4, 'quantity'],
    ]);
    expect(
      (
        await t.fail('catalog-import-commit', {
          csv: 'sku,quantity\nKCT-001,12\nNOPE,3',
          kind: 'opening-stock',
        })
      ).code,
    ).toBe('IMPORT_INVALID');
    expect((await t.call('catalog-lookup', { code: 'KCT-001' }))!.onHand).toBe(0);
    await t.call('catalog-import-commit', {
      csv: 'sku,quantity,unit_cost\nKCT-001,12,450\nSHW-001,2,',
      kind: 'opening-stock',
    });
    expect((await t.call('catalog-lookup', { code: 'KCT-001' }))!.onHand).toBe(12);
    const moves = await t.call('stock-moves', {
      productId: (await t.call('catalog-lookup', { code: 'SHW-001' }))!.id,
    });
    expect(moves).toEqual([expect.objectContaining({ quantity: 2, reason: 'opening' })]);
  });
});
