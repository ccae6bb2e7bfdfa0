// Calls the host's real HTTP API (the same route the UI uses) to seed a store before the UI test,
// authenticated by the session cookie the launch URL was redeemed for (build/test/tillLaunch.ts).
import type { ApiInput, ApiMethod, ApiOutputs } from '../../shared/api';
import type { Product } from '../../shared/api/types';
import type { Result } from '../../shared/result';
import { productByCode as pickProductByCode } from '../../electron/test/productByCode';

export const apiCall = async <M extends ApiMethod>(
  origin: string,
  sessionCookie: string,
  method: M,
  input: ApiInput<M>,
): Promise<Result<ApiOutputs[M]>> => {
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: sessionCookie },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<ApiOutputs[M]>;
};

/** Like apiCall, but a failure throws with the core's code and message. */
export const must = async <M extends ApiMethod>(
  origin: string,
  sessionCookie: string,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutputs[M]> => {
  const r = await apiCall(origin, sessionCookie, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
};

/** The product with this exact barcode or SKU, read through catalog-list; null if none. */
export const productByCode = (
  origin: string,
  sessionCookie: string,
  code: string,
): Promise<Product | null> =>
  pickProductByCode(
    (query) => must(origin, sessionCookie, 'catalog-list', { query, limit: 500 }),
    code,
  );

/**
 * Adds a cashier as the owner (signed in with `ownerPin`, then signed out again) and returns
 * every user's id by name.
 */
export const addCashier = async (
  origin: string,
  sessionCookie: string,
  ownerPin: string,
  cashier: { name: string; pin: string },
): Promise<Map<string, string>> => {
  const call = <M extends ApiMethod>(method: M, input: ApiInput<M>) =>
    must(origin, sessionCookie, method, input);
  const owner = (await call('users-list', {})).find((u) => u.role === 'owner');
  if (!owner) throw new Error('the shop has no owner');
  await call('auth-login', { userId: owner.id, pin: ownerPin });
  await call('users-create', { name: cashier.name, role: 'cashier', pin: cashier.pin });
  const ids = new Map((await call('users-list', {})).map((u) => [u.name, u.id]));
  await call('auth-logout', {});
  return ids;
};
