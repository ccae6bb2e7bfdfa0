import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../shared/api';
import { receiptHtml } from './receiptHtml';
import { receiptPdfName } from './receiptPdfName';

const receipt: Receipt = {
  kind: 'sale',
  eventId: '0190-abc',
  receiptNo: 'S1-T1-000042',
  occurredAt: Date.UTC(2025, 0, 15, 6, 30),
  storeName: 'Rang Mahal <Menswear>',
  receiptHeader: 'GSTIN 29ABCDE1234F1Z5',
  cashierName: 'Asha',
  currency: 'INR',
  taxMode: 'inclusive',
  lines: [
    {
      lineNo: 1,
      productId: 'p1',
      sku: 'SH-001',
      name: 'Linen shirt',
      unitPrice: 149_900,
      quantity: 2,
      taxRateBp: 1200,
      gross: 299_800,
      discount: 10_000,
      tax: 31_050,
      net: 258_750,
      total: 289_800,
      returnedQuantity: 0,
    },
  ],
  totals: { gross: 299_800, discount: 10_000, tax: 31_050, net: 258_750, total: 289_800, units: 2 },
  payments: [{ tender: 'cash', amount: 300_000 }],
  change: 10_200,
  originalReceiptNo: null,
};

describe('receiptHtml', () => {
  const html = receiptHtml(receipt, { locale: 'en-IN', timeZone: 'Asia/Kolkata' });

  it('shows the store, number, lines, totals and change in the store currency', () => {
    expect(html).toContain('S1-T1-000042');
    expect(html).toContain('Linen shirt');
    expect(html).toContain('₹2,898.00');
    expect(html).toContain('₹102.00');
    expect(html).toContain('Tax included');
    expect(html).toContain('12:00'); // 06:30 UTC in Asia/Kolkata
  });

  it('escapes text and carries no script', () => {
    expect(html).toContain('Rang Mahal &lt;Menswear&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });
});

describe('receiptPdfName', () => {
  it('keeps file names portable', () => {
    expect(receiptPdfName('S1/T1:000042')).toBe('S1_T1_000042.pdf');
    expect(receiptPdfName('../..')).toBe('.._...pdf');
  });
});
