import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../test/testSupport';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
  await t.product('KCT-001', 899_00, 500, {
    name: 'Ivory Cotton Kurta',
    barcodes: ['8900000000011'],
  });
  await t.product('KSL-002', 2_999_00, 1_200, {
    name: 'Maroon Banarasi Silk Kurta',
    barcodes: ['8900000000028'],
  });
  await t.product('JPJ-003', 1_299_00, 1_200, {
    name: 'Embroidered Punjabi Jutti',
    category: 'Juttis & Mojaris',
    barcodes: [],
  });
});
afterEach(() => t.close());

describe('catalog search', () => {
  it('matches name word prefixes, SKUs and barcodes', async () => {
    expect((await t.call('catalog-search', { query: 'kur' })).map((p) => p.sku).sort()).toEqual([
      'KCT-001',
      'KSL-002',
    ]);
    expect((await t.call('catalog-search', { query: 'silk kur' })).map((p) => p.sku)).toEqual([
      'KSL-002',
    ]);
    expect((await t.call('catalog-search', { query: 'jpj' })).map((p) => p.sku)).toEqual([
      'JPJ-003',
    ]);
    expect((await t.call('catalog-search', { query: '8900000000028' })).map((p) => p.sku)).toEqual([
      'KSL-002',
    ]);
    expect(await t.call('catalog-search', { query: '"NEAR(' })).toEqual([]);
  });

  it('the Products list finds a product by its exact barcode', async () => {
    const page = await t.call('catalog-list', { query: '8900000000028' });
    expect(page.total).toBe(1);
    expect(page.items.map((p) => p.sku)).toEqual(['KSL-002']);
    expect((await t.call('catalog-list', { query: ' 8900000000011 ' })).items[0]!.sku).toBe(
      'KCT-001',
    );
    // Another category filter still applies.
    const other = await t.call('catalog-list', {
      query: '8900000000028',
      category: 'Juttis & Mojaris',
    });
    expect(other.total).toBe(0);
  });

  it('lists by category with totals, and refuses duplicate SKUs and barcodes', async () => {
    expect(await t.call('catalog-categories', {})).toEqual(['Juttis & Mojaris', 'Kurtas']);
    const page = await t.call('catalog-list', { category: 'Kurtas', limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(
      (
        await t.fail('catalog-upsert', {
          product: {
            sku: 'KCT-001',
            barcodes: [],
            name: 'x',
            category: '',
            subCategory: '',
            unitPrice: 1,
            taxRateBp: 0,
            reorderLevel: 0,
            leadTimeDays: 0,
            active: true,
          },
        })
      ).code,
    ).toBe('DUPLICATE');
    expect(
      (
        await t.fail('catalog-upsert', {
          product: {
            sku: 'NEW',
            barcodes: ['8900000000011'],
            name: 'x',
            category: '',
            subCategory: '',
            unitPrice: 1,
            taxRateBp: 0,
            reorderLevel: 0,
            leadTimeDays: 0,
            active: true,
          },
        })
      ).code,
    ).toBe('DUPLICATE');
  });

  it('keeps the search index in step with renames', async () => {
    const p = (await t.productByCode('JPJ-003'))!;
    await t.call('catalog-upsert', { productId: p.id, product: { ...p, name: 'Velvet Mojari' } });
    expect(await t.call('catalog-search', { query: 'punjabi' })).toEqual([]);
    expect((await t.call('catalog-search', { query: 'mojari' })).map((x) => x.id)).toEqual([p.id]);
  });
});
