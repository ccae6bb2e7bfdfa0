import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../../test/testSupport';

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
    expect(result).toMatchObject({ imported: 2, created: 2, updated: 0, skipped: 0 });
    const kurta = await t.productByCode('8901234567891');
    expect(kurta).toMatchObject({
      sku: 'KCT-001',
      unitPrice: 899_00,
      taxRateBp: 500,
      reorderLevel: 4,
      leadTimeDays: 10,
      active: true,
    });
    expect((await t.productByCode('SHW-001'))!.unitPrice).toBe(24_999_00);
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
    expect(again).toMatchObject({ imported: 2, created: 0, updated: 1, unchanged: 1 });
    expect((await t.productByCode('KCT-001'))!.unitPrice).toBe(949_00);
  });

  it('reports each bad cell with its line and column, and imports the valid rows', async () => {
    const csv = [
      'sku,name,price,tax_rate,barcodes',
      'A-1,Good Row,100,5,111',
      'A-2,,12.345,5,222',
      'A-3,Bad Tax,100,abc,111',
      'A-1,Duplicate Sku,100,5,',
      'A-4,Another Good Row,250,12,444',
    ].join('\n');
    const preview = await t.call('catalog-import-preview', { csv, kind: 'catalog' });
    expect(preview.validRows).toBe(2);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: 'name' }),
        expect.objectContaining({ line: 3, column: 'price' }),
        expect.objectContaining({ line: 4, column: 'tax_rate' }),
        expect.objectContaining({ line: 4, column: 'barcodes' }),
        expect.objectContaining({ line: 5, column: 'sku' }),
      ]),
    );
    const result = await t.call('catalog-import-commit', { csv, kind: 'catalog' });
    expect(result).toMatchObject({ imported: 2, created: 2, updated: 0, skipped: 3 });
    expect(result.errors.map((e) => e.line)).toEqual(expect.arrayContaining([3, 4, 5]));
    expect((await t.call('catalog-list', {})).total).toBe(2);
    expect((await t.productByCode('A-4'))!.unitPrice).toBe(250_00);
    expect(await t.productByCode('A-3')).toBeNull();
  });

  it('skips a row the CSV reader flags (extra fields, control characters)', async () => {
    const csv = ['sku,name,price', 'B-1,Fine,10', 'B-2,Too,10,many', 'B-3,Bell\u0007,10'].join(
      '\n',
    );
    const result = await t.call('catalog-import-commit', { csv, kind: 'catalog' });
    expect(result).toMatchObject({ imported: 1, created: 1, skipped: 2 });
    expect(await t.productByCode('B-2')).toBeNull();
  });

  it('imports nothing when no row is valid', async () => {
    const e = await t.fail('catalog-import-commit', {
      csv: 'sku,name,price\nC-1,,1\nC-2,X,abc',
      kind: 'catalog',
    });
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toContain('line 2');
    expect((await t.call('catalog-list', {})).total).toBe(0);
    expect((await t.call('outbox-status', {})).lastSeq).toBe(0);
  });

  it('an update changes only the columns in the file, and the preview says which', async () => {
    await t.call('catalog-import-commit', { csv: GOOD, kind: 'catalog' });
    const before = (await t.productByCode('KCT-001'))!;
    expect(before).toMatchObject({
      subCategory: 'Cotton Kurta',
      reorderLevel: 4,
      leadTimeDays: 10,
    });
    // The file: sku, name, barcodes, category, price, tax rate (no sub-category, reorder
    // level, lead time or active).
    const csv = [
      'sku,name,barcodes,category,price,tax_rate',
      'KCT-001,Ivory Cotton Kurta,8901234567890|8901234567891,Kurtas,949,5',
    ].join('\n');
    const preview = await t.call('catalog-import-preview', { csv, kind: 'catalog' });
    expect(preview).toMatchObject({ updates: 1, unchanged: 0, creates: 0 });
    expect(preview.changes).toEqual([
      {
        line: 2,
        sku: 'KCT-001',
        fields: [{ field: 'unitPrice', before: 899_00, after: 949_00 }],
      },
    ]);
    await t.call('catalog-import-commit', { csv, kind: 'catalog' });
    const after = (await t.productByCode('KCT-001'))!;
    expect(after).toEqual({ ...before, unitPrice: 949_00 });
    // A file that repeats what the catalog holds changes nothing and writes no event.
    const seq = (await t.call('outbox-status', {})).lastSeq;
    const same = await t.call('catalog-import-commit', { csv, kind: 'catalog' });
    expect(same).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await t.call('outbox-status', {})).lastSeq).toBe(seq);
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
          csv: 'sku,quantity\nNOPE,3',
          kind: 'opening-stock',
        })
      ).code,
    ).toBe('IMPORT_INVALID');
    expect((await t.productByCode('KCT-001'))!.onHand).toBe(0);
    await t.call('catalog-import-commit', {
      csv: 'sku,quantity,unit_cost\nKCT-001,12,450\nSHW-001,2,',
      kind: 'opening-stock',
    });
    expect((await t.productByCode('KCT-001'))!.onHand).toBe(12);
    const moves = await t.call('stock-moves', {
      productId: (await t.productByCode('SHW-001'))!.id,
    });
    expect(moves).toEqual([expect.objectContaining({ quantity: 2, reason: 'opening' })]);
  });
});
