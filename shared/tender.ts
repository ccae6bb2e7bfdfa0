// Tendering: which payments settle a total, and the change due. Only cash can be over-tendered;
// change is always handed back in cash.
import type { Minor } from './money';

export const TENDER_TYPES = ['cash', 'card', 'mobile', 'voucher', 'other'] as const;
export type TenderType = (typeof TENDER_TYPES)[number];

export interface Payment {
  tender: TenderType;
  amount: Minor;
  reference?: string | undefined;
}

export type TenderOutcome =
  | { ok: true; change: Minor; paid: Minor }
  | { ok: false; reason: 'PAYMENT_INSUFFICIENT' | 'PAYMENT_INVALID'; message: string };

export const settle = (total: Minor, payments: readonly Payment[]): TenderOutcome => {
  if (payments.length === 0)
    return { ok: false, reason: 'PAYMENT_INVALID', message: 'Add at least one payment.' };
  for (const p of payments) {
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) {
      return {
        ok: false,
        reason: 'PAYMENT_INVALID',
        message: 'Each payment must be a positive amount.',
      };
    }
  }
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  if (paid < total) {
    return {
      ok: false,
      reason: 'PAYMENT_INSUFFICIENT',
      message: `Payment is short by ${total - paid} minor units.`,
    };
  }
  const nonCash = payments.filter((p) => p.tender !== 'cash').reduce((s, p) => s + p.amount, 0);
  if (nonCash > total) {
    return {
      ok: false,
      reason: 'PAYMENT_INVALID',
      message: 'Only cash can be more than the amount due.',
    };
  }
  return { ok: true, change: paid - total, paid };
};
