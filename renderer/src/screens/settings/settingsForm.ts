// The Settings form's text fields to the settings-update input and back. The discount limit is a
// percentage on screen (12.5 %) and basis points in the API (1250); the refund and void limits are money.
import type { ApiInput, StoreSettings } from '../../../../shared/api';

export interface SettingsFormText {
  storeName: string;
  receiptHeader: string;
  discountLimitPercent: string;
  refundLimit: string;
  voidApprovalLimit: string;
  idleLockMinutes: string;
}

export const bpToPercentText = (bp: number): string => String(bp / 100);

/** "12.5" or "12,5 %" → 1250; null when not a percentage from 0 to 100 with at most 2 decimals. */
export const percentTextToBp = (text: string): number | null => {
  const t = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const bp = Math.round(Number(t) * 100);
  return bp >= 0 && bp <= 10_000 ? bp : null;
};

export const formTextOf = (s: StoreSettings, toInput: (m: number) => string): SettingsFormText => ({
  storeName: s.storeName,
  receiptHeader: s.receiptHeader,
  discountLimitPercent: bpToPercentText(s.discountLimitBp),
  refundLimit: toInput(s.refundLimit),
  voidApprovalLimit: toInput(s.voidApprovalLimit),
  idleLockMinutes: String(s.idleLockMinutes),
});

export type SettingsUpdate = ApiInput<'settings-update'>;

/** Only the fields that changed; an error sentence for the first bad field. */
export const settingsUpdateOf = (
  current: StoreSettings,
  form: SettingsFormText,
  parseMoney: (text: string) => number | null,
): { ok: true; update: SettingsUpdate } | { ok: false; message: string } => {
  const update: SettingsUpdate = {};
  const name = form.storeName.trim();
  if (name === '') return { ok: false, message: 'The store name cannot be empty.' };
  if (name !== current.storeName) update.storeName = name;
  if (form.receiptHeader !== current.receiptHeader) update.receiptHeader = form.receiptHeader;
  const bp = percentTextToBp(form.discountLimitPercent);
  if (bp === null)
    return { ok: false, message: 'The discount limit is a percentage from 0 to 100 (e.g. 10).' };
  if (bp !== current.discountLimitBp) update.discountLimitBp = bp;
  const refund = parseMoney(form.refundLimit);
  if (refund === null || refund < 0)
    return { ok: false, message: 'The refund limit is an amount of money (e.g. 2000.00).' };
  if (refund !== current.refundLimit) update.refundLimit = refund;
  const voidLimit = parseMoney(form.voidApprovalLimit);
  if (voidLimit === null || voidLimit < 0)
    return { ok: false, message: 'The void limit is an amount of money (e.g. 1000.00).' };
  if (voidLimit !== current.voidApprovalLimit) update.voidApprovalLimit = voidLimit;
  const idle = form.idleLockMinutes.trim();
  const minutes = /^\d{1,3}$/.test(idle) ? Number(idle) : NaN;
  if (!(minutes >= 1 && minutes <= 240))
    return { ok: false, message: 'Lock after is a number of minutes from 1 to 240 (e.g. 5).' };
  if (minutes !== current.idleLockMinutes) update.idleLockMinutes = minutes;
  return { ok: true, update };
};
