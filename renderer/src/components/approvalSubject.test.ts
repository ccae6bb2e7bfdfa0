import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/money';
import { approvalSubject } from './approvalSubject';

const inr = (m: number) => formatMoney(m, 'INR', 'en-IN');

describe('approvalSubject', () => {
  it('says share, amount and limit of a line discount', () => {
    const details = { kind: 'discount', lineNo: 2, shareBp: 2500, amount: 4_399_75, limitBp: 1000 };
    expect(approvalSubject(details, inr)).toBe(
      'Line 2 discount: 25 % = ₹4,399.75, your limit 10 %',
    );
  });

  it('names the sale discount and keeps fractional percentages', () => {
    const details = { kind: 'discount', lineNo: null, shareBp: 1250, amount: 50_00, limitBp: 750 };
    expect(approvalSubject(details, inr)).toBe('Sale discount: 12.5 % = ₹50.00, your limit 7.5 %');
  });

  it('gives nothing for other approvals, so the core message stands alone', () => {
    expect(approvalSubject(undefined, inr)).toBeNull();
    expect(approvalSubject({ kind: 'refund', amount: 1 }, inr)).toBeNull();
  });
});
