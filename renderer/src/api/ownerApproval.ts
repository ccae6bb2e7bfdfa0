// The bridge between the API client and the owner-approval dialog: the dialog registers an asker,
// and the client uses it whenever a call answers OWNER_APPROVAL_REQUIRED.

/**
 * Resolves with the owner's PIN, or null when the cashier cancels. `details` are the core's
 * structured description of what needs approval (e.g. a discount's share, amount and limit).
 */
export type OwnerPinAsker = (
  reason: string,
  previousError: string | null,
  details?: unknown,
) => Promise<string | null>;

let asker: OwnerPinAsker | null = null;

export const setOwnerPinAsker = (next: OwnerPinAsker | null): void => {
  asker = next;
};

export const askOwnerPin = (
  reason: string,
  previousError: string | null,
  details?: unknown,
): Promise<string | null> =>
  asker ? asker(reason, previousError, details) : Promise.resolve(null);

export const hasOwnerPinAsker = (): boolean => asker !== null;

let canceller: (() => void) | null = null;

/** The dialog registers how to drop a pending request (answered as a cancel). */
export const setOwnerPinCanceller = (next: (() => void) | null): void => {
  canceller = next;
};

/** Drops a pending owner-approval request, e.g. when the till locks while it is open. */
export const cancelOwnerPinRequest = (): void => canceller?.();
