// Turns an API error into words a cashier can act on. The core's own message is kept (it names the
// product, the receipt, the limit); the code adds a short heading that says what went wrong.
import type { AppError, ErrorCode } from '../../../shared/result';

const HEADINGS: Partial<Record<ErrorCode, string>> = {
  VALIDATION: 'Please check the input',
  NOT_FOUND: 'Not found',
  UNAUTHENTICATED: 'Please log in again',
  BAD_PIN: 'Wrong PIN',
  PIN_LOCKED: 'PIN locked for now',
  FORBIDDEN: 'Not allowed for this user',
  OWNER_APPROVAL_REQUIRED: 'Owner approval needed',
  // The core's message says what to do ("Open a shift before selling."): the heading only names it.
  NO_OPEN_SHIFT: 'No shift is open (F7)',
  SHIFT_ALREADY_OPEN: 'A shift is already open',
  SHIFT_OF_ANOTHER_CASHIER: 'This shift is another cashier’s',
  VOID_REASON_REQUIRED: 'A reason is needed',
  PRODUCT_NOT_FOUND: 'Unknown barcode or SKU',
  PRODUCT_INACTIVE: 'This product is no longer sold',
  CART_NOT_FOUND: 'The sale was not found',
  CART_NOT_OPEN: 'This sale is no longer open',
  CART_EMPTY: 'The sale has no items yet',
  LINE_NOT_FOUND: 'That line is not in the sale',
  DISCOUNT_TOO_LARGE: 'Discount too large',
  PAYMENT_INSUFFICIENT: 'Payment is not enough',
  PAYMENT_INVALID: 'Payment not accepted',
  SALE_NOT_FOUND: 'No sale with that receipt number',
  RETURN_EXCEEDS_SOLD: 'Cannot return more than was sold',
  REFUND_MISMATCH: 'Refund does not match the items returned',
  IMPORT_INVALID: 'The file has errors',
  DUPLICATE: 'Already exists',
  CONFLICT: 'Changed by someone else',
  SETUP_REQUIRED: 'The till is not set up yet',
  ALREADY_SET_UP: 'The till is already set up',
  STORAGE_ERROR: 'The till could not save',
  SYNC_ERROR: 'Sync problem',
  INTERNAL: 'Something went wrong',
};

export const errorHeading = (code: ErrorCode): string => HEADINGS[code] ?? 'Something went wrong';

/** One line: "Heading: message." (the message alone when it already says it). */
export const errorText = (error: AppError): string => {
  const heading = errorHeading(error.code);
  const message = error.message.trim();
  if (!message) return `${heading}.`;
  return `${heading}: ${message}`;
};
