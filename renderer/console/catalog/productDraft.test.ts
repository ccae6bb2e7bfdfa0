import { describe, expect, it } from 'vitest';
import { newCatalogProductRequestSchema } from '../../../shared/console/consoleApi';
import { validate } from '../parts/fieldErrors';
import { draftOf, emptyDraft, percentToBp, productOfDraft } from './productDraft';

describe('product form', () => {
  it('reads a price in the currency and a tax rate in percent', () => {
    const r = productOfDraft(
      {
        ...emptyDraft(),
        sku: ' A1 ',
        name: 'Tea',
        price: '12.5',
        taxRate: '12.5',
        barcodes: '123 | 456,',
      },
      'USD',
    );
    expect(r).toMatchObject({
      ok: true,
      value: { sku: 'A1', unitPrice: 1250, taxRateBp: 1250, barcodes: ['123', '456'] },
    });
    expect(
      productOfDraft({ ...emptyDraft(), price: '100', name: 'x', sku: 'x' }, 'JPY'),
    ).toMatchObject({
      ok: true,
      value: { unitPrice: 100 },
    });
  });
  it('says which text is not a number', () => {
    const r = productOfDraft(
      { ...emptyDraft(), price: '1.234', taxRate: 'five', reorderLevel: '-1' },
      'USD',
    );
    expect(r.ok ? null : Object.keys(r.errors).sort()).toEqual([
      'price',
      'reorderLevel',
      'taxRate',
    ]);
    expect(percentToBp('5')).toBe(500);
    expect(percentToBp('0.05')).toBe(5);
    expect(percentToBp('1.234')).toBeNull();
  });
  it("leaves the rest to the contract's schema, and reads a product back", () => {
    const r = productOfDraft({ ...emptyDraft(), price: '1' }, 'USD');
    if (!r.ok) throw new Error('expected numbers to parse');
    const v = validate(newCatalogProductRequestSchema, r.value);
    expect(v.ok ? [] : Object.keys(v.errors)).toContain('name');
    const back = draftOf(
      { ...r.value, productId: 'p', name: 'x', sku: 'x', barcodes: ['1', '2'] },
      'USD',
    );
    expect(back).toMatchObject({ price: '1.00', barcodes: '1 | 2', taxRate: '0' });
  });
});
