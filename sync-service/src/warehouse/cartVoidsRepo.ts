// cart_voids: the sales tills voided before payment (cart_void events), written by the warehouse
// consumer with the rest of a batch's facts and listed newest first, with per-store counts and
// value, for the console's operations page. Sole owner of the table.
import type { CartVoidRow } from '../../../shared/console/consoleApi';
import type { EventOf } from '../../../shared/events';
import type { SqlClient } from './sqlClient';
import {
  envelopeOf,
  insertTillReports,
  selectTillReports,
  type EnvelopeRow,
  type PayloadColumn,
} from './tillEventColumns';

const PAYLOAD: readonly PayloadColumn<EventOf<'cart_void'>>[] = [
  { name: 'cart_id', type: 'text', of: (e) => e.payload.cartId },
  { name: 'shift_id', type: 'uuid', of: (e) => e.payload.shiftId },
  { name: 'cashier_id', type: 'text', of: (e) => e.payload.cashierId },
  { name: 'cashier_name', type: 'text', of: (e) => e.payload.cashierName },
  { name: 'approver_id', type: 'text', of: (e) => e.payload.approverId },
  { name: 'reason', type: 'text', of: (e) => e.payload.reason },
  { name: 'currency', type: 'text', of: (e) => e.payload.currency },
  { name: 'line_count', type: 'int', of: (e) => e.payload.lineCount },
  { name: 'units', type: 'int', of: (e) => e.payload.units },
  { name: 'total', type: 'bigint', of: (e) => e.payload.total },
];

export const insertCartVoids = (
  db: SqlClient,
  events: readonly EventOf<'cart_void'>[],
): Promise<void> => insertTillReports(db, 'cart_voids', PAYLOAD, events);

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
  const rows = await selectTillReports<Row>(
    db,
    'cart_voids',
    'x.cashier_id, x.cashier_name, x.approver_id, x.reason, x.currency, x.line_count, x.total',
    query,
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
