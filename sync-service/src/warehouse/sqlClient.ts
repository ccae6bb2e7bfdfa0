// The one thing repositories need from pg: a query on a client that is inside the caller's
// transaction (a PoolClient) or a pool for single statements.
import type { QueryResult, QueryResultRow } from 'pg';

export interface SqlClient {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>>;
}

/** bigint/numeric columns arrive as strings from pg; money sums stay within safe integers. */
export const toInt = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);
