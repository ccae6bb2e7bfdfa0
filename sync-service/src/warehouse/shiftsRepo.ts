// Shifts (one row per store × shift, opened then closed, in either arrival order) and cash
// movements. Keyed by store: a shift id seen at another store names another shift.
import type { EventOf } from '../../../shared/events';
import type { SqlClient } from './sqlClient';

const iso = (ms: number): string => new Date(ms).toISOString();

const shiftKey = (e: { storeId: string; payload: { shiftId: string } }): string =>
  `${e.storeId}\u0000${e.payload.shiftId}`;

const byShift = <E extends { storeId: string; payload: { shiftId: string } }>(
  events: readonly E[],
): E[] =>
  [...new Map(events.map((e) => [shiftKey(e), e])).values()].sort((a, b) =>
    shiftKey(a) < shiftKey(b) ? -1 : 1,
  );

const UPSERT_OPENS = `
INSERT INTO shifts AS s (shift_id, store_id, till_id, cashier_id, opened_at, opening_float)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[])
ON CONFLICT (store_id, shift_id) DO UPDATE SET opened_at = EXCLUDED.opened_at, opening_float = EXCLUDED.opening_float`;

const UPSERT_CLOSES = `
INSERT INTO shifts AS s (shift_id, store_id, till_id, cashier_id, opened_at, opening_float, closed_at,
  sales_count, returns_count, net_sales, expected_cash, counted_cash, variance)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[],
  $7::timestamptz[], $8::int[], $9::int[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[])
ON CONFLICT (store_id, shift_id) DO UPDATE SET closed_at = EXCLUDED.closed_at, sales_count = EXCLUDED.sales_count,
  returns_count = EXCLUDED.returns_count, net_sales = EXCLUDED.net_sales, expected_cash = EXCLUDED.expected_cash,
  counted_cash = EXCLUDED.counted_cash, variance = EXCLUDED.variance,
  opened_at = coalesce(s.opened_at, EXCLUDED.opened_at), opening_float = coalesce(s.opening_float, EXCLUDED.opening_float)`;

const INSERT_CASH = `
INSERT INTO cash_movements (event_id, shift_id, store_id, till_id, moved_at, amount, reason)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::bigint[], $7::text[])
ON CONFLICT DO NOTHING`;

export const applyShiftEvents = async (
  db: SqlClient,
  opens: readonly EventOf<'shift_open'>[],
  closes: readonly EventOf<'shift_close'>[],
  cash: readonly EventOf<'cash_movement'>[],
): Promise<void> => {
  const o = byShift(opens);
  if (o.length > 0) {
    await db.query(UPSERT_OPENS, [
      o.map((e) => e.payload.shiftId),
      o.map((e) => e.storeId),
      o.map((e) => e.tillId),
      o.map((e) => e.payload.cashierId),
      o.map((e) => iso(e.occurredAt)),
      o.map((e) => e.payload.openingFloat),
    ]);
  }
  const c = byShift(closes);
  if (c.length > 0) {
    await db.query(UPSERT_CLOSES, [
      c.map((e) => e.payload.shiftId),
      c.map((e) => e.storeId),
      c.map((e) => e.tillId),
      c.map((e) => e.payload.cashierId),
      c.map((e) => iso(e.payload.openedAt)),
      c.map((e) => e.payload.openingFloat),
      c.map((e) => iso(e.occurredAt)),
      c.map((e) => e.payload.salesCount),
      c.map((e) => e.payload.returnsCount),
      c.map((e) => e.payload.netSales),
      c.map((e) => e.payload.expectedCash),
      c.map((e) => e.payload.countedCash),
      c.map((e) => e.payload.variance),
    ]);
  }
  if (cash.length > 0) {
    await db.query(INSERT_CASH, [
      cash.map((e) => e.eventId),
      cash.map((e) => e.payload.shiftId),
      cash.map((e) => e.storeId),
      cash.map((e) => e.tillId),
      cash.map((e) => iso(e.occurredAt)),
      cash.map((e) => e.payload.amount),
      cash.map((e) => e.payload.reason),
    ]);
  }
};
