// pin_failures: the wrong PINs tills report (pin_failed events), written by the warehouse
// consumer with the rest of a batch's facts and listed newest first for the console's Security
// list. Sole owner of the table.
import type { PinFailureRow } from '../../../shared/console/consoleApi';
import type { EventOf } from '../../../shared/events';
import type { SqlClient } from './sqlClient';
import {
  ENVELOPE_SELECT,
  envelopeColumns,
  envelopeOf,
  iso,
  type EnvelopeRow,
} from './tillEventColumns';

const INSERT = `
INSERT INTO pin_failures (event_id, store_id, till_id, occurred_at, attempt, user_id, user_name,
  signed_in_user_id, failures, locked_until)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
  $7::text[], $8::text[], $9::int[], $10::timestamptz[])
ON CONFLICT (event_id) DO NOTHING`;

export const insertPinFailures = async (
  db: SqlClient,
  events: readonly EventOf<'pin_failed'>[],
): Promise<void> => {
  if (events.length === 0) return;
  await db.query(INSERT, [
    ...envelopeColumns(events),
    events.map((e) => e.payload.attempt),
    events.map((e) => e.payload.userId),
    events.map((e) => e.payload.userName),
    events.map((e) => e.payload.signedInUserId),
    events.map((e) => e.payload.failures),
    events.map((e) => (e.payload.lockedUntil === null ? null : iso(e.payload.lockedUntil))),
  ]);
};

/** The console's row, as the API contract defines it. */
export type PinFailureRecord = PinFailureRow;

interface Row extends EnvelopeRow {
  attempt: 'login' | 'owner_pin';
  user_id: string | null;
  user_name: string | null;
  signed_in_user_id: string | null;
  failures: number;
  locked_until_ms: string | null;
}

/** Newest first; `storeId` narrows to one store. */
export const listPinFailures = async (
  db: SqlClient,
  query: { storeId?: string; limit: number },
): Promise<PinFailureRecord[]> => {
  const { rows } = await db.query<Row>(
    `SELECT ${ENVELOPE_SELECT}, x.attempt, x.user_id, x.user_name, x.signed_in_user_id,
       x.failures, (extract(epoch FROM x.locked_until) * 1000)::bigint AS locked_until_ms
     FROM pin_failures x LEFT JOIN stores s ON s.store_id = x.store_id
       LEFT JOIN tills t ON t.till_id = x.till_id
     WHERE ($1::text IS NULL OR x.store_id = $1)
     ORDER BY x.occurred_at DESC, x.event_id DESC LIMIT $2`,
    [query.storeId ?? null, query.limit],
  );
  return rows.map((r) => ({
    ...envelopeOf(r),
    attempt: r.attempt,
    userId: r.user_id,
    userName: r.user_name,
    signedInUserId: r.signed_in_user_id,
    failures: r.failures,
    lockedUntil: r.locked_until_ms === null ? null : Number(r.locked_until_ms),
  }));
};
