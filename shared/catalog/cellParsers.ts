// Cell parsers for CSV imports (the till's and HQ's): each returns the value or a reason the cell
// is wrong.
import { parseMoney } from '../money';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const moneyCell = (text: string, currency: string): Parsed<number> => {
  const v = parseMoney(text, currency);
  if (v === null)
    return { ok: false, reason: `"${text}" is not an amount in ${currency} (e.g. 1499.00).` };
  if (v < 0) return { ok: false, reason: 'An amount cannot be negative.' };
  return { ok: true, value: v };
};

export const intCell = (
  text: string,
  min: number,
  max: number,
  fallback: number | null,
): Parsed<number> => {
  if (text === '' && fallback !== null) return { ok: true, value: fallback };
  if (!/^-?\d+$/.test(text)) return { ok: false, reason: `"${text}" is not a whole number.` };
  const v = Number(text);
  if (v < min || v > max) return { ok: false, reason: `${v} is outside ${min}..${max}.` };
  return { ok: true, value: v };
};

/** Tax rate as a percentage ("5", "12", "18.5") to basis points. */
export const taxRateCell = (text: string): Parsed<number> => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not a tax rate in percent (e.g. 5 or 12.5).` };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (bp > 10_000) return { ok: false, reason: 'A tax rate cannot exceed 100 %.' };
  return { ok: true, value: bp };
};

export const boolCell = (text: string, fallback: boolean): Parsed<boolean> => {
  const t = text.toLowerCase();
  if (t === '') return { ok: true, value: fallback };
  if (['1', 'true', 'yes', 'y'].includes(t)) return { ok: true, value: true };
  if (['0', 'false', 'no', 'n'].includes(t)) return { ok: true, value: false };
  return { ok: false, reason: `"${text}" is not yes/no.` };
};
