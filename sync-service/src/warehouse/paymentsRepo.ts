// Payments and refunds by tender, one multi-row insert per sub-batch.
import type { PaymentColumns } from './factRows';
import type { SqlClient } from './sqlClient';

const INSERT_PAYMENTS = `
INSERT INTO payments (event_id, payment_no, local_day, paid_at, store_id, till_id, is_refund, tender, amount)
SELECT u.event_id, u.payment_no,
  (to_timestamp(u.occurred_ms / 1000.0) AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date,
  to_timestamp(u.occurred_ms / 1000.0), u.store_id, u.till_id, u.is_refund, u.tender, u.amount
FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::bool[], $7::text[], $8::bigint[])
  AS u(event_id, payment_no, occurred_ms, store_id, till_id, is_refund, tender, amount)
LEFT JOIN stores s ON s.store_id = u.store_id
ON CONFLICT DO NOTHING`;

export const insertPayments = async (db: SqlClient, c: PaymentColumns): Promise<void> => {
  if (c.eventId.length === 0) return;
  await db.query(INSERT_PAYMENTS, [
    c.eventId,
    c.paymentNo,
    c.occurredMs,
    c.storeId,
    c.tillId,
    c.isRefund,
    c.tender,
    c.amount,
  ]);
};
