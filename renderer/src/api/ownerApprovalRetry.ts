// The owner-approval loop, apart from any transport so it can be tested: when a call answers
// OWNER_APPROVAL_REQUIRED, ask for the owner's PIN and retry with it; a wrong PIN asks again
// (showing why), cancelling gives back the original answer.
import type { Result } from '../../../shared/result';

export type AskPin = (
  reason: string,
  previousError: string | null,
  details?: unknown,
) => Promise<string | null>;

export const retryWithOwnerPin = async <T>(
  attempt: (ownerPin: string | undefined) => Promise<Result<T>>,
  ask: AskPin,
): Promise<Result<T>> => {
  const first = await attempt(undefined);
  if (first.ok || first.error.code !== 'OWNER_APPROVAL_REQUIRED') return first;
  let previousError: string | null = null;
  for (;;) {
    const pin = await ask(first.error.message, previousError, first.error.details);
    if (pin === null) return first;
    const result = await attempt(pin);
    if (result.ok) return result;
    if (result.error.code !== 'BAD_PIN' && result.error.code !== 'OWNER_APPROVAL_REQUIRED')
      return result;
    previousError = result.error.message;
  }
};
