// The product form holds text (a price as "12.50", a tax rate as "5"); this turns it into the
// contract's product snapshot (minor units, basis points) and back. Text that is not a number is
// reported per field here; the snapshot schema then checks the rest (the server checks again).
import type { ProductSnapshot } from '../../../shared/events/catalog';
import { minorToDecimalString, parseMoney } from '../../../shared/money';
import type { FieldErrors } from '../parts/fieldErrors';

export interface ProductDraft {
  sku: string;
  name: string;
  category: string;
  subCategory: string;
  barcodes: string;
  price: string;
  taxRate: string;
  reorderLevel: string;
  leadTimeDays: string;
  active: boolean;
}

export const emptyDraft = (): ProductDraft => ({
  sku: '',
  name: '',
  category: '',
  subCategory: '',
  barcodes: '',
  price: '',
  taxRate: '0',
  reorderLevel: '0',
  leadTimeDays: '0',
  active: true,
});

export const draftOf = (p: ProductSnapshot, currency: string): ProductDraft => ({
  sku: p.sku,
  name: p.name,
  category: p.category,
  subCategory: p.subCategory,
  barcodes: p.barcodes.join(' | '),
  price: minorToDecimalString(p.unitPrice, currency),
  taxRate: String(p.taxRateBp / 100),
  reorderLevel: String(p.reorderLevel),
  leadTimeDays: String(p.leadTimeDays),
  active: p.active,
});

const wholeNumber = (text: string): number | null =>
  /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null;

/** Percent text ("5", "12.5") to basis points, at most two decimals. */
export const percentToBp = (text: string): number | null => {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
};

/** The snapshot without its id, or the fields whose text is not a number. */
export const productOfDraft = (
  d: ProductDraft,
  currency: string,
): { ok: true; value: Omit<ProductSnapshot, 'productId'> } | { ok: false; errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const unitPrice = parseMoney(d.price, currency);
  if (unitPrice === null) errors.price = `a price in ${currency}, e.g. 12.50`;
  const taxRateBp = percentToBp(d.taxRate);
  if (taxRateBp === null) errors.taxRate = 'a percentage, e.g. 5 or 12.5';
  const reorderLevel = wholeNumber(d.reorderLevel);
  if (reorderLevel === null) errors.reorderLevel = 'a whole number';
  const leadTimeDays = wholeNumber(d.leadTimeDays);
  if (leadTimeDays === null) errors.leadTimeDays = 'a whole number of days';
  if (unitPrice === null || taxRateBp === null || reorderLevel === null || leadTimeDays === null)
    return { ok: false, errors };
  return {
    ok: true,
    value: {
      sku: d.sku.trim(),
      name: d.name.trim(),
      category: d.category.trim(),
      subCategory: d.subCategory.trim(),
      barcodes: d.barcodes
        .split(/[|,]/)
        .map((b) => b.trim())
        .filter(Boolean),
      unitPrice,
      taxRateBp,
      reorderLevel,
      leadTimeDays,
      active: d.active,
    },
  };
};

/** Schema errors name snapshot fields; the form's fields for price and tax are named differently. */
export const draftFieldOf = (snapshotField: string): string =>
  snapshotField === 'unitPrice'
    ? 'price'
    : snapshotField === 'taxRateBp'
      ? 'taxRate'
      : snapshotField;
