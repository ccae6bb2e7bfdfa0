// The one way the UI talks to the till core. In Electron the preload exposes `window.pos`; in
// browser mode the host answers POST /api/<method>, authenticated by the HttpOnly session cookie
// it set when the launch link was opened (the page never sees a token).
// Any call that answers OWNER_APPROVAL_REQUIRED is retried with the owner's PIN once they give it.
import type { ApiInput, ApiMethod, ApiOutputs, PosApi } from '../../../shared/api';
import { err, type Result } from '../../../shared/result';
import { askOwnerPin, hasOwnerPinAsker } from './ownerApproval';
import { retryWithOwnerPin } from './ownerApprovalRetry';

declare global {
  interface Window {
    pos?: PosApi;
  }
}

type Transport = <M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
) => Promise<Result<ApiOutputs[M]>>;

const isResult = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' &&
  v !== null &&
  'ok' in v &&
  typeof (v as { ok: unknown }).ok === 'boolean';

const electronTransport =
  (api: PosApi): Transport =>
  async (method, input) => {
    const fn = api[method] as unknown as (
      i: typeof input,
    ) => Promise<Result<ApiOutputs[typeof method]>>;
    try {
      return await fn(input);
    } catch (e) {
      return err(
        'INTERNAL',
        `The till service failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };

const httpTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return err('INTERNAL', 'Cannot reach the till service. Is it still running?');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isResult(body)) return body as Result<ApiOutputs[typeof method]>;
  if (response.status === 401 || response.status === 403) {
    return err(
      'UNAUTHENTICATED',
      'This page is not authorised by the till. Reopen it from the till app.',
    );
  }
  return err('INTERNAL', `The till service answered HTTP ${response.status} without a result.`);
};

let transport: Transport | null = null;
const pickTransport = (): Transport => {
  transport ??= window.pos ? electronTransport(window.pos) : httpTransport;
  return transport;
};

/** Calls the till API without the owner-approval retry. */
export const rawCall: Transport = (method, input) => pickTransport()(method, input);

/**
 * Calls the till API. When the core asks for owner approval, the owner-approval dialog asks for
 * the PIN and the same call is retried with it; a wrong PIN asks again, cancel returns the error.
 */
export const call = <M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
): Promise<Result<ApiOutputs[M]>> =>
  hasOwnerPinAsker()
    ? retryWithOwnerPin(
        (ownerPin) =>
          rawCall(method, ownerPin === undefined ? input : ({ ...input, ownerPin } as ApiInput<M>)),
        askOwnerPin,
      )
    : rawCall(method, input);
