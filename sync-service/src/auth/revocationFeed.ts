// Till revocations across processes: whoever revokes a till's credentials (console revoke or
// re-issue, re-enrollment) sends pg_notify on TILL_REVOKED_CHANNEL inside the same transaction,
// so it is delivered on commit; every process LISTENs on a dedicated connection and drops the
// till from its token cache and closes its streams (TillAuthenticator.forgetTill). Without this,
// another process would honour a revoked token until its cache entry expired. After a lost
// connection the whole cache is dropped, as notifications sent meanwhile are gone.
import pg from 'pg';
import type { Logger } from '../ops/logger';
import type { TillAuthenticator } from './tillAuth';

export const TILL_REVOKED_CHANNEL = 'till_revoked';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Tells every process that the till's credentials are revoked (on commit, in a transaction). */
export async function notifyTillRevoked(db: Queryable, tillId: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [TILL_REVOKED_CHANNEL, tillId]);
}

export interface RevocationFeed {
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;

export async function startRevocationFeed(
  databaseUrl: string,
  tills: Pick<TillAuthenticator, 'forgetTill' | 'forgetAll'>,
  logger: Pick<Logger, 'warn'>,
): Promise<RevocationFeed> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const later = (e: unknown): void => {
    if (closed) return;
    logger.warn({ error: e }, 'till revocation feed cannot connect; retrying');
    client = null;
    retry = setTimeout(() => void connect().catch(later), RECONNECT_MS);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'till-revocations',
    });
    c.on('notification', (msg) => {
      if (msg.channel === TILL_REVOKED_CHANNEL && msg.payload) tills.forgetTill(msg.payload);
    });
    const lost = (e?: unknown): void => {
      if (closed || client !== c) return;
      client = null;
      // Revocations sent while we were away are lost: trust no cached token.
      tills.forgetAll();
      logger.warn({ error: e }, 'till revocation feed lost its connection; reconnecting');
      c.end().catch(() => undefined);
      retry = setTimeout(() => void connect().catch(later), RECONNECT_MS);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    client = c;
    await c.connect();
    await c.query(`LISTEN ${TILL_REVOKED_CHANNEL}`);
    tills.forgetAll();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
