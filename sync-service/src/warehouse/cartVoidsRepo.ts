// cart_voids: the sales tills voided before payment (cart_void events), written by the warehouse
// consumer with the rest of a batch's facts and listed newest first, with per-store counts and
// value, for the console's operations page. Sole owner of the table.
import type { CartVoidRow } from '../../../shared/console/consoleApi';
import type { EventOf } from '../../../shared/events';
import type { SqlClient } from './sqlClient';
import { ENVELOPE_SELECT, envelopeColumns, envelopeOf, type EnvelopeRow } from './tillEventColumns';

const INSERT = `
INSERT INTO cart_voids (event_id, store_id, till_id, occurred_at, cart_id, shift_id, cashier_id,
  cashier_name, approver_id, reason, currency, line_count, units, total)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::uuid[],
  $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::bigint[])
ON CONFLICT (event_id) DO NOTHING`;

export const insertCartVoids = async (
  db: SqlClient,
  events: readonly EventOf<'cart_void'>[],
): Promise<void> => {
  if (events.length === 0) return;
  await db.query(INSERT, [
    ...envelopeColumns(events),
    events.map((e) => e.payload.cartId),
    events.map((e) => e.payload.shiftId),
    events.map((e) => e.payload.cashierId),
    events.map((e) => e.payload.cashierName),
    events.map((e) => e.payload.approverId),
    events.map((e) => e.payload.reason),
    events.map((e) => e.payload.currency),
    events.map((e) => e.payload.lineCount),
    events.map((e) => e.payload.units),
    events.map((e) => e.payload.total),
  ]);
};

/** The console's row, as the API contract defines it. */
export type CartVoidRecord = CartVoidRow;

interface Row extends EnvelopeRow {
  cashier_id: string;
  cashier_name: string;
  approver_id: string | null;
  reason: string;
  currency: string;
  line_count: number;
  total: string;
}

/** Newest first; `storeId` narrows to one store. */
export const listCartVoids = async (
  db: SqlClient,
  query: { storeId?: string; limit: number },
): Promise<CartVoidRecord[]> => {
  const { rows } = await db.query<Row>(
    `SELECT ${ENVELOPE_SELECT}, x.cashier_id, x.cashier_name, x.approver_id, x.reason,
       x.currency, x.line_count, x.total
     FROM cart_voids x LEFT JOIN stores s ON s.store_id = x.store_id
       LEFT JOIN tills t ON t.till_id = x.till_id
     WHERE ($1::text IS NULL OR x.store_id = $1)
     ORDER BY x.occurred_at DESC, x.event_id DESC LIMIT $2`,
    [query.storeId ?? null, query.limit],
  );
  return rows.map((r) => ({
    ...envelopeOf(r),
    cashierId: r.cashier_id,
    cashierName: r.cashier_name,
    approverId: r.approver_id,
    reason: r.reason,
    currency: r.currency,
    lineCount: r.line_count,
    total: Number(r.total),
  }));
};
