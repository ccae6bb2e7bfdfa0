// pin_failures: the wrong PINs tills report (pin_failed events), written by the warehouse
// consumer with the rest of a batch's facts and listed newest first for the console's Security
// list. Sole owner of the table.
import type { PinFailureRow } from '../../../shared/console/consoleApi';
import type { EventOf } from '../../../shared/events';
import type { SqlClient } from './sqlClient';
import {
  envelopeOf,
  insertTillReports,
  iso,
  selectTillReports,
  type EnvelopeRow,
  type PayloadColumn,
} from './tillEventColumns';

const PAYLOAD: readonly PayloadColumn<EventOf<'pin_failed'>>[] = [
  { name: 'attempt', type: 'text', of: (e) => e.payload.attempt },
  { name: 'user_id', type: 'text', of: (e) => e.payload.userId },
  { name: 'user_name', type: 'text', of: (e) => e.payload.userName },
  { name: 'signed_in_user_id', type: 'text', of: (e) => e.payload.signedInUserId },
  { name: 'failures', type: 'int', of: (e) => e.payload.failures },
  {
    name: 'locked_until',
    type: 'timestamptz',
    of: (e) => (e.payload.lockedUntil === null ? null : iso(e.payload.lockedUntil)),
  },
];

export const insertPinFailures = (
  db: SqlClient,
  events: readonly EventOf<'pin_failed'>[],
): Promise<void> => insertTillReports(db, 'pin_failures', PAYLOAD, events);

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
  const rows = await selectTillReports<Row>(
    db,
    'pin_failures',
    `x.attempt, x.user_id, x.user_name, x.signed_in_user_id, x.failures,
       (extract(epoch FROM x.locked_until) * 1000)::bigint AS locked_until_ms`,
    query,
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
