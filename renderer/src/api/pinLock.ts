// Reads the wait out of a PIN_LOCKED answer (details.retryInSeconds), so the sign-in screen can
// count down "try again in N s" instead of letting the cashier type into a locked PIN.
import type { AppError } from '../../../shared/result';

/** Seconds to wait, or null when the error is not a PIN lockout. */
export const pinLockSeconds = (error: AppError): number | null => {
  if (error.code !== 'PIN_LOCKED') return null;
  const d = error.details;
  if (typeof d === 'object' && d !== null && 'retryInSeconds' in d) {
    const s = (d as { retryInSeconds: unknown }).retryInSeconds;
    if (typeof s === 'number' && Number.isFinite(s) && s > 0) return Math.ceil(s);
  }
  return 30;
};

export const tryAgainWords = (seconds: number): string =>
  `Too many wrong PINs. Try again in ${seconds} s.`;
