// The one result shape crossing every boundary (renderer <-> main, browser <-> host, till <->
// gateway). `code` is a closed union so the UI can branch on it instead of parsing messages.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'BAD_PIN',
  /** Too many wrong PINs: details.retryInSeconds says how long to wait. */
  'PIN_LOCKED',
  'FORBIDDEN',
  'OWNER_APPROVAL_REQUIRED',
  'NO_OPEN_SHIFT',
  'SHIFT_ALREADY_OPEN',
  'SHIFT_OF_ANOTHER_CASHIER',
  'VOID_REASON_REQUIRED',
  'PRODUCT_NOT_FOUND',
  'PRODUCT_INACTIVE',
  'CART_NOT_FOUND',
  'CART_NOT_OPEN',
  'CART_EMPTY',
  'LINE_NOT_FOUND',
  'DISCOUNT_TOO_LARGE',
  'PAYMENT_INSUFFICIENT',
  'PAYMENT_INVALID',
  'SALE_NOT_FOUND',
  'RETURN_EXCEEDS_SOLD',
  'REFUND_MISMATCH',
  'IMPORT_INVALID',
  'DUPLICATE',
  'CONFLICT',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'STORAGE_ERROR',
  'SYNC_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Optional structured detail, e.g. per-row import errors or the offending field. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = <T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside the core to abort a transaction with a UI-actionable error. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
