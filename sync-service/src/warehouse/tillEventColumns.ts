// The tables of what tills report one event at a time (pin_failures, cart_voids) start with the
// same columns (event_id, store_id, till_id, occurred_at), are inserted the same way (one unnest()
// statement per batch, an event once) and listed the same way (newest first, with the store and
// till names, optionally for one store). This says that once; each repository names its own table
// and payload columns and stays the sole owner of its table.
import type { TillReportRow } from '../../../shared/console/consoleApi';
import type { PosEvent } from '../../../shared/events';
import type { SqlClient } from './sqlClient';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** One payload column: its name, its Postgres type and how an event fills it. */
export interface PayloadColumn<E extends PosEvent> {
  name: string;
  type: 'text' | 'uuid' | 'int' | 'bigint' | 'timestamptz';
  of: (event: E) => unknown;
}

const ENVELOPE: readonly PayloadColumn<PosEvent>[] = [
  { name: 'event_id', type: 'uuid', of: (e) => e.eventId },
  { name: 'store_id', type: 'text', of: (e) => e.storeId },
  { name: 'till_id', type: 'text', of: (e) => e.tillId },
  { name: 'occurred_at', type: 'timestamptz', of: (e) => iso(e.occurredAt) },
];

/** Inserts a batch of events into `table`; an event already there is left as it is. */
export const insertTillReports = async <E extends PosEvent>(
  db: SqlClient,
  table: string,
  payload: readonly PayloadColumn<E>[],
  events: readonly E[],
): Promise<void> => {
  if (events.length === 0) return;
  const columns: readonly PayloadColumn<E>[] = [...ENVELOPE, ...payload];
  await db.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
     ON CONFLICT (event_id) DO NOTHING`,
    columns.map((c) => events.map(c.of)),
  );
};

export interface EnvelopeRow {
  event_id: string;
  store_id: string;
  store_name: string | null;
  till_id: string;
  till_name: string | null;
  occurred_ms: string;
}

/**
 * The newest `limit` rows of `table` (alias `x`), for one store or all: the envelope columns with
 * the store and till names, then `payloadSelect`.
 */
export const selectTillReports = async <R extends EnvelopeRow>(
  db: SqlClient,
  table: string,
  payloadSelect: string,
  query: { storeId?: string; limit: number },
): Promise<R[]> => {
  const { rows } = await db.query<R>(
    `SELECT x.event_id, x.store_id, s.name AS store_name, x.till_id,
       nullif(t.name, '') AS till_name,
       (extract(epoch FROM x.occurred_at) * 1000)::bigint AS occurred_ms, ${payloadSelect}
     FROM ${table} x LEFT JOIN stores s ON s.store_id = x.store_id
       LEFT JOIN tills t ON t.till_id = x.till_id
     WHERE ($1::text IS NULL OR x.store_id = $1)
     ORDER BY x.occurred_at DESC, x.event_id DESC LIMIT $2`,
    [query.storeId ?? null, query.limit],
  );
  return rows;
};

export const envelopeOf = (r: EnvelopeRow): TillReportRow => ({
  eventId: r.event_id,
  storeId: r.store_id,
  storeName: r.store_name,
  tillId: r.till_id,
  tillName: r.till_name,
  occurredAt: Number(r.occurred_ms),
});
