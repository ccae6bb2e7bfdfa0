// The columns every per-event fact table of the till's security and void reports starts with
// (event_id, store_id, till_id, occurred_at), as insert arrays for unnest() and, read back with the
// store and till names, as the first fields of the console's row. Shared so the pin_failures and
// cart_voids repositories put and read the envelope the same way; each still owns its table.
import type { TillReportRow } from '../../../shared/console/consoleApi';
import type { PosEvent } from '../../../shared/events';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** $1..$4 of an unnest() insert: event ids, store ids, till ids, occurred_at as ISO text. */
export const envelopeColumns = (events: readonly PosEvent[]): string[][] => [
  events.map((e) => e.eventId),
  events.map((e) => e.storeId),
  events.map((e) => e.tillId),
  events.map((e) => iso(e.occurredAt)),
];

/** The envelope columns as a list query selects them (alias `x`, stores `s`, tills `t`). */
export const ENVELOPE_SELECT = `x.event_id, x.store_id, s.name AS store_name, x.till_id,
       nullif(t.name, '') AS till_name,
       (extract(epoch FROM x.occurred_at) * 1000)::bigint AS occurred_ms`;

export interface EnvelopeRow {
  event_id: string;
  store_id: string;
  store_name: string | null;
  till_id: string;
  till_name: string | null;
  occurred_ms: string;
}

export const envelopeOf = (r: EnvelopeRow): TillReportRow => ({
  eventId: r.event_id,
  storeId: r.store_id,
  storeName: r.store_name,
  tillId: r.till_id,
  tillName: r.till_name,
  occurredAt: Number(r.occurred_ms),
});
