// The HQ view's link to the HQ analytics API with the admin token. The token lives only in this
// process's memory for the signed-in session (never written to the till database, never sent
// back to the UI); signing out of the till or disconnecting forgets it.
import { AppFailure } from '../../../../shared/result';
import type { CoreContext } from '../../context';

export interface HqConnection {
  hqUrl: string;
  adminToken: string;
  /** The till user who connected; another user signing in does not inherit the connection. */
  userId: string;
}

const connections = new WeakMap<CoreContext, HqConnection>();

export const setHqConnection = (ctx: CoreContext, c: HqConnection | null): void => {
  if (c) connections.set(ctx, c);
  else connections.delete(ctx);
};

export const hqConnectionOf = (ctx: CoreContext): HqConnection => {
  const c = connections.get(ctx);
  if (!c || c.userId !== ctx.session.userId) {
    connections.delete(ctx);
    throw new AppFailure(
      'UNAUTHENTICATED',
      'Connect to HQ first: give the HQ address and the admin token.',
    );
  }
  return c;
};

const TIMEOUT_MS = 15_000;

/** GET an HQ path with the admin token; HQ's errors become the till's error codes. */
export const hqGet = async <T>(
  c: Pick<HqConnection, 'hqUrl' | 'adminToken'>,
  pathAndQuery: string,
): Promise<T> => {
  const url = new URL(pathAndQuery, c.hqUrl.endsWith('/') ? c.hqUrl : `${c.hqUrl}/`);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${c.adminToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw new AppFailure(
      'SYNC_ERROR',
      `HQ at ${url.origin} cannot be reached (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.ok) return body as T;
  const message =
    typeof body === 'object' && body !== null && 'message' in body
      ? String((body as { message: unknown }).message)
      : '';
  if (response.status === 401)
    throw new AppFailure('UNAUTHENTICATED', 'HQ did not accept the admin token.');
  if (response.status === 403)
    throw new AppFailure('FORBIDDEN', `HQ refused: ${message || 'not allowed'}.`);
  if (response.status === 400)
    throw new AppFailure('VALIDATION', `HQ rejected the query: ${message}`);
  throw new AppFailure(
    'SYNC_ERROR',
    `HQ answered HTTP ${response.status}${message ? `: ${message}` : ''}.`,
  );
};
