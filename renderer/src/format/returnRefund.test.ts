import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../../../shared/api';
import { refundTotal, returnableQuantity } from './returnRefund';

const line = (over: Partial<ReceiptLine>): ReceiptLine => ({
  lineNo: 1,
  productId: 'p',
  sku: 's',
  name: 'n',
  unitPrice: 1000,
  quantity: 3,
  taxRateBp: 0,
  gross: 3000,
  discount: 100,
  tax: 0,
  net: 2900,
  total: 2900,
  returnedQuantity: 0,
  ...over,
});

describe('refundTotal', () => {
  it('splits a discounted line pro rata, the last unit taking the remainder', () => {
    const l = line({});
    const first = refundTotal([l], new Map([[1, 1]]));
    // Gross 1000 less the unit's discount share 33: total follows gross − discount.
    expect(first).toBe(967);
    const second = refundTotal([{ ...l, returnedQuantity: 1 }], new Map([[1, 1]]));
    const third = refundTotal([{ ...l, returnedQuantity: 2 }], new Map([[1, 1]]));
    expect(first + second + third).toBe(2900);
  });

  it('estimates quantities above what is still returnable, for the core to refuse', () => {
    const l = line({ returnedQuantity: 2 });
    expect(returnableQuantity(l)).toBe(1);
    expect(refundTotal([l], new Map([[1, 2]]))).toBe(1933);
  });
});
