// One pg pool per process. bigint columns (int8) stay strings in pg by default; callers convert
// with Number() where values are known to be safe integers (versions, counts, minor units).
import pg from 'pg';

export interface PoolOptions {
  max?: number;
  applicationName?: string;
  /** Milliseconds to wait for a connection before failing (readiness probes want this short). */
  connectionTimeoutMillis?: number;
  statementTimeoutMillis?: number;
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'pos-sync-service',
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.statementTimeoutMillis !== undefined
      ? { statement_timeout: options.statementTimeoutMillis }
      : {}),
  });
  // An idle client losing its connection (Postgres restart) emits 'error' on the pool; without a
  // listener that would crash the process. The next checkout simply opens a new connection.
  pool.on('error', () => undefined);
  // A client that is checked out (mid-transaction) when Postgres goes away emits 'error' on the
  // client itself, where the pool's listener no longer is: unhandled, that kills the process (the
  // gateway died this way in the Postgres-stop fault test). Its query rejects anyway, so the
  // caller sees the failure; the listener only keeps the process alive.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}
