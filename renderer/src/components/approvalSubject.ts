// Says in one line what an owner is asked to approve, from the details the core puts on
// OWNER_APPROVAL_REQUIRED: "25 % = ₹4,399.75, your limit 10 %". Apart from the dialog so the
// wording is unit-tested; anything without known details falls back to the core's message.
import type { DiscountApprovalDetails } from '../../../shared/api';

const isDiscountDetails = (d: unknown): d is DiscountApprovalDetails => {
  if (typeof d !== 'object' || d === null) return false;
  const v = d as Record<string, unknown>;
  return (
    v.kind === 'discount' &&
    typeof v.shareBp === 'number' &&
    typeof v.amount === 'number' &&
    typeof v.limitBp === 'number'
  );
};

const percent = (bp: number): string => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')} %`;

/** The approval box's line for a discount, or null when the details are not a discount's. */
export const approvalSubject = (
  details: unknown,
  format: (minor: number) => string,
): string | null => {
  if (!isDiscountDetails(details)) return null;
  const what = details.lineNo === null ? 'Sale discount' : `Line ${details.lineNo} discount`;
  return `${what}: ${percent(details.shareBp)} = ${format(details.amount)}, your limit ${percent(details.limitBp)}`;
};
