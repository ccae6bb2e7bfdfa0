import { describe, expect, it } from 'vitest';
import type { StoreSettings } from '../../../../shared/api';
import { percentTextToBp, settingsUpdateOf } from './settingsForm';

const current: StoreSettings = {
  storeId: 's',
  tillId: 't',
  storeName: 'Corner Shop',
  currency: 'INR',
  locale: 'en-IN',
  timeZone: 'Asia/Kolkata',
  taxMode: 'inclusive',
  receiptHeader: 'Thank you',
  discountLimitBp: 1_000,
  refundLimit: 2_000_00,
  voidApprovalLimit: 1_000_00,
  idleLockMinutes: 5,
};
const money = (t: string): number | null =>
  /^\d+(\.\d{1,2})?$/.test(t.trim()) ? Math.round(Number(t) * 100) : null;

describe('settings form', () => {
  it('reads the discount limit as a percentage into basis points', () => {
    expect(percentTextToBp('12.5')).toBe(1_250);
    expect(percentTextToBp('12,5 %')).toBe(1_250);
    expect(percentTextToBp('0')).toBe(0);
    expect(percentTextToBp('100')).toBe(10_000);
    expect(percentTextToBp('100.01')).toBeNull();
    expect(percentTextToBp('-1')).toBeNull();
    expect(percentTextToBp('ten')).toBeNull();
  });

  it('sends only what changed', () => {
    const form = {
      storeName: 'Corner Shop',
      receiptHeader: 'Thank you',
      discountLimitPercent: '15',
      refundLimit: '500.00',
      voidApprovalLimit: '250.00',
      idleLockMinutes: '5',
    };
    expect(settingsUpdateOf(current, form, money)).toEqual({
      ok: true,
      update: { discountLimitBp: 1_500, refundLimit: 500_00, voidApprovalLimit: 250_00 },
    });
    expect(settingsUpdateOf(current, { ...form, storeName: ' ' }, money).ok).toBe(false);
    expect(settingsUpdateOf(current, { ...form, refundLimit: 'lots' }, money).ok).toBe(false);
    expect(settingsUpdateOf(current, { ...form, voidApprovalLimit: '-5' }, money).ok).toBe(false);
  });

  it('reads the idle lock in whole minutes from 1 to 240', () => {
    const form = {
      storeName: 'Corner Shop',
      receiptHeader: 'Thank you',
      discountLimitPercent: '10',
      refundLimit: '2000.00',
      voidApprovalLimit: '1000.00',
      idleLockMinutes: '15',
    };
    expect(settingsUpdateOf(current, form, money)).toEqual({
      ok: true,
      update: { idleLockMinutes: 15 },
    });
    for (const bad of ['0', '241', '2.5', 'soon', ''])
      expect(settingsUpdateOf(current, { ...form, idleLockMinutes: bad }, money).ok).toBe(false);
  });
});
