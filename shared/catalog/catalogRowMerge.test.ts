// Property: a catalog CSV row changes exactly the fields of the columns the file has, whatever
// subset of columns that is; every other field of the existing product keeps its value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_COLUMN_FIELDS,
  CATALOG_OPTIONAL,
  CATALOG_REQUIRED,
  type CatalogColumn,
  type CatalogRowFields,
} from './catalogCsvRows';
import { mergeCatalogRow } from './catalogRowMerge';

const fields: fc.Arbitrary<CatalogRowFields> = fc.record({
  sku: fc.constantFrom('SKU-1'),
  name: fc.string({ minLength: 1, maxLength: 8 }),
  category: fc.string({ maxLength: 6 }),
  subCategory: fc.string({ maxLength: 6 }),
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
  taxRateBp: fc.integer({ min: 0, max: 10_000 }),
  barcodes: fc.uniqueArray(fc.stringMatching(/^\d{4,8}$/), { maxLength: 3 }),
  reorderLevel: fc.integer({ min: 0, max: 1000 }),
  leadTimeDays: fc.integer({ min: 0, max: 365 }),
  active: fc.boolean(),
});
const optionalColumns = fc.subarray([...CATALOG_OPTIONAL]);

describe('mergeCatalogRow', () => {
  it('changes exactly the given columns that differ, keeps every other field', () => {
    fc.assert(
      fc.property(fields, fields, optionalColumns, (existing, row, optional) => {
        const columns = new Set<CatalogColumn>([...CATALOG_REQUIRED, ...optional]);
        const given = new Set([...columns].map((c) => CATALOG_COLUMN_FIELDS[c]));
        const { next, changes } = mergeCatalogRow(existing, row, columns);
        for (const key of Object.keys(existing) as (keyof CatalogRowFields)[]) {
          if (!given.has(key)) expect(next[key]).toEqual(existing[key]);
        }
        for (const c of changes) {
          expect(given.has(c.field)).toBe(true);
          expect(c.before).toEqual(existing[c.field]);
          expect(c.after).toEqual(row[c.field]);
          expect(next[c.field]).toEqual(row[c.field]);
        }
        for (const key of given) {
          if (!changes.some((c) => c.field === key))
            expect([...[next[key]].flat()].sort()).toEqual([...[row[key]].flat()].sort());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the issue: a file without sub_category, reorder_level and lead_time_days keeps them', () => {
    const existing: CatalogRowFields = {
      sku: 'KCT-001',
      name: 'Kurta',
      category: 'Kurtas',
      subCategory: 'Cotton Kurta',
      unitPrice: 899_00,
      taxRateBp: 500,
      barcodes: ['890'],
      reorderLevel: 8,
      leadTimeDays: 21,
      active: true,
    };
    const row = { ...existing, subCategory: '', reorderLevel: 0, leadTimeDays: 0, name: 'Kurta 2' };
    const columns = new Set<CatalogColumn>([
      'sku',
      'name',
      'barcodes',
      'category',
      'price',
      'tax_rate',
    ]);
    const { next, changes } = mergeCatalogRow(existing, row, columns);
    expect(next).toEqual({ ...existing, name: 'Kurta 2' });
    expect(changes).toEqual([{ field: 'name', before: 'Kurta', after: 'Kurta 2' }]);
  });
});
