// Money is always an integer count of the currency's minor unit (cents, paise, ...). Floats never
// hold money; the only division happens in the rounding helpers below, done in BigInt.

export type Minor = number;

/** ISO 4217 minor-unit exponents for currencies whose exponent is not 2. */
const EXPONENT_EXCEPTIONS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  PYG: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  IQD: 3,
  LYD: 3,
};

export const currencyExponent = (currency: string): number => EXPONENT_EXCEPTIONS[currency] ?? 2;

export const isMinor = (n: unknown): n is Minor => typeof n === 'number' && Number.isSafeInteger(n);

/**
 * Divides `numerator / denominator` and rounds half away from zero (the commercial rule tax
 * authorities use: 0.5 cent rounds up in magnitude). BigInt so products of large amounts and
 * rates never lose precision.
 */
export const divRoundHalfAwayFromZero = (numerator: bigint, denominator: bigint): number => {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return Number(negative ? -q : q);
};

/** amount × bp / 10,000, rounded half away from zero. */
export const applyBasisPoints = (amount: Minor, bp: number): Minor =>
  divRoundHalfAwayFromZero(BigInt(amount) * BigInt(bp), 10_000n);

/** Parses a user-typed decimal ("12.5", "12,50") into minor units, or null if malformed. */
export const parseMoney = (text: string, currency: string): Minor | null => {
  const exp = currencyExponent(currency);
  const cleaned = text.trim().replace(',', '.');
  const match = /^(-)?(\d{1,13})(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, frac = ''] = match;
  if (frac.length > exp) return null;
  const minor = Number(whole) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  return sign ? -minor : minor;
};

/** Plain decimal text of a minor amount ("1234" JPY, "12.34" USD), for CSV and inputs. */
export const minorToDecimalString = (amount: Minor, currency: string): string => {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 10 ** exp);
  const frac = String(abs % 10 ** exp).padStart(exp, '0');
  return `${sign}${whole}.${frac}`;
};

/**
 * The sign every negative amount is shown with: U+2212 MINUS SIGN, as wide as "+" and the digits,
 * where Intl writes a hyphen ("-₹5.00" beside "−₹5.00" was what the till showed). Display only:
 * CSV and input fields keep the plain "-" of minorToDecimalString, which spreadsheets parse.
 */
export const DISPLAY_MINUS = '\u2212';

/** `format.format(value)` with the locale's minus sign, wherever the locale puts it, as DISPLAY_MINUS. */
export const formatWithDisplayMinus = (format: Intl.NumberFormat, value: number): string =>
  format
    .formatToParts(value === 0 ? 0 : value) // -0 would show as "-₹0.00"
    .map((part) => (part.type === 'minusSign' ? DISPLAY_MINUS : part.value))
    .join('');

/** Localised display, e.g. "₹1,234.50" and "−₹1,234.50". Intl is ECMAScript, not a DOM API. */
export const formatMoney = (amount: Minor, currency: string, locale?: string): string => {
  const exp = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exp,
    maximumFractionDigits: exp,
  });
  return formatWithDisplayMinus(format, amount / 10 ** exp);
};

/**
 * Splits `total` over `weights` proportionally with the largest-remainder method, so the parts
 * are integers that sum to `total` exactly (used for cart discounts spread over lines).
 */
export const allocateProportionally = (total: Minor, weights: readonly Minor[]): Minor[] => {
  const sumWeights = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sumWeights === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const big = BigInt(total);
  const sum = BigInt(sumWeights);
  const parts = weights.map((w) => (big * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % sum }));
  let left = total - parts.reduce((a, b) => a + Number(b), 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const result = parts.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    result[i] = (result[i] ?? 0) + Math.sign(left);
    left -= Math.sign(left);
  }
  return result;
};
