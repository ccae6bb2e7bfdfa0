// Bulk input for the applying transaction. A sub-batch carries thousands of events and ~3 lines
// each; passed as arrays to unnest(), Postgres spent more time parsing and unnesting twenty array
// parameters than inserting the rows. COPY into a session-private temporary table is the fastest
// way in: the statements that follow read the staged rows like any table, and ON COMMIT DELETE
// ROWS (or the rollback) empties it for the next transaction on the same connection.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type StagedValue = string | number | boolean | null;

/** The staging tables and their columns, in COPY order. */
export const STAGING_TABLES = {
  stage_events: [
    ['event_id', 'uuid'],
    ['store_id', 'text'],
    ['till_id', 'text'],
    ['seq', 'bigint'],
    ['type', 'text'],
    ['occurred_ms', 'bigint'],
    ['part', 'int'],
    ['off', 'bigint'],
  ],
  stage_sale_lines: [
    ['event_id', 'uuid'],
    ['line_no', 'int'],
    ['occurred_ms', 'bigint'],
    ['store_id', 'text'],
    ['till_id', 'text'],
    ['cashier_id', 'text'],
    ['is_return', 'bool'],
    ['original_event_id', 'uuid'],
    ['original_line_no', 'int'],
    ['product_id', 'text'],
    ['sku', 'text'],
    ['name', 'text'],
    ['category', 'text'],
    ['sub_category', 'text'],
    ['quantity', 'int'],
    ['unit_price', 'bigint'],
    ['gross', 'bigint'],
    ['discount', 'bigint'],
    ['tax', 'bigint'],
    ['net', 'bigint'],
    ['restocked', 'bool'],
  ],
  stage_payments: [
    ['event_id', 'uuid'],
    ['payment_no', 'int'],
    ['occurred_ms', 'bigint'],
    ['store_id', 'text'],
    ['till_id', 'text'],
    ['is_refund', 'bool'],
    ['tender', 'text'],
    ['amount', 'bigint'],
  ],
} as const;

export type StagingTable = keyof typeof STAGING_TABLES;

const CREATE_STAGING = Object.entries(STAGING_TABLES)
  .map(
    ([table, columns]) =>
      `CREATE TEMP TABLE IF NOT EXISTS ${table} (${columns.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DELETE ROWS`,
  )
  .join(';\n');

// Connections that already have the tables (temporary tables live as long as the connection).
const prepared = new WeakSet<PoolClient>();

/**
 * Creates the staging tables on this connection once. Call it outside a transaction: created
 * inside one that then rolls back, they would vanish while this module believed them there.
 */
export const ensureStagingTables = async (client: PoolClient): Promise<void> => {
  if (prepared.has(client)) return;
  await client.query(CREATE_STAGING);
  prepared.add(client);
};

// COPY text format: backslash escapes for the four characters that would break the row, \N null.
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const field = (v: StagedValue): string => {
  if (v === null) return '\\N';
  // Almost no value needs escaping; testing first spares a replace per field.
  if (typeof v === 'string')
    return SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
};

// Rows are encoded in chunks so a big sub-batch never becomes one giant string.
const ROWS_PER_CHUNK = 2_000;

function* copyText(columns: readonly (readonly StagedValue[])[]): Generator<string> {
  const rows = columns[0]?.length ?? 0;
  for (let start = 0; start < rows; start += ROWS_PER_CHUNK) {
    let chunk = '';
    for (let r = start; r < Math.min(rows, start + ROWS_PER_CHUNK); r++) {
      let line = '';
      for (let c = 0; c < columns.length; c++) {
        if (c > 0) line += '\t';
        line += field((columns[c] as readonly StagedValue[])[r] ?? null);
      }
      chunk += `${line}\n`;
    }
    yield chunk;
  }
}

/** COPYs column arrays (all the same length, in the table's column order) into a staging table. */
export const copyIntoStaging = async (
  client: PoolClient,
  table: StagingTable,
  columns: readonly (readonly StagedValue[])[],
): Promise<void> => {
  if (columns.length !== STAGING_TABLES[table].length)
    throw new TypeError(`${table} takes ${STAGING_TABLES[table].length} columns`);
  if ((columns[0]?.length ?? 0) === 0) return;
  await pipeline(
    Readable.from(copyText(columns)),
    client.query(copyFrom(`COPY ${table} FROM STDIN`)),
  );
};
