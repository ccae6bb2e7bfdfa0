// Cashiers type a discount the way they say it: "10%" is a percentage, "50" or "49.90" an amount.
import { parseMoney } from '../../../shared/money';
import type { Discount } from '../../../shared/pricing';

export type DiscountParse =
  { ok: true; discount: Discount | null } | { ok: false; message: string };

export const parseDiscountInput = (text: string, currency: string): DiscountParse => {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '0' || trimmed === '0%') return { ok: true, discount: null };
  if (trimmed.endsWith('%')) {
    const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%$/.exec(trimmed);
    if (!match) return { ok: false, message: 'Type a percentage like 10% or 12.5%.' };
    const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    if (bp > 10_000) return { ok: false, message: 'A percentage cannot be more than 100%.' };
    return { ok: true, discount: { kind: 'percent', bp } };
  }
  const amount = parseMoney(trimmed, currency);
  if (amount === null || amount < 0) {
    return { ok: false, message: 'Type an amount like 50 or 49.90, or a percentage like 10%.' };
  }
  return { ok: true, discount: { kind: 'amount', amount } };
};

/** The input text that shows an existing discount again. */
export const discountToInput = (
  discount: Discount | null,
  toDecimal: (m: number) => string,
): string => {
  if (!discount) return '';
  if (discount.kind === 'amount') return toDecimal(discount.amount);
  const whole = Math.trunc(discount.bp / 100);
  const frac = discount.bp % 100;
  return frac === 0 ? `${whole}%` : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
};
