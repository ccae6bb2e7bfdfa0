// Payments and refunds by tender: staged by COPY, then one insert per sub-batch (payment numbers
// are assigned per event in factRows.ts, so they never collide).
import type { PoolClient } from 'pg';
import type { PaymentColumns } from './factRows';
import { copyIntoStaging } from './stagingCopy';

const INSERT_PAYMENTS = `
INSERT INTO payments (event_id, payment_no, local_day, paid_at, store_id, till_id, is_refund, tender, amount)
SELECT u.event_id, u.payment_no,
  (to_timestamp(u.occurred_ms / 1000.0) AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date,
  to_timestamp(u.occurred_ms / 1000.0), u.store_id, u.till_id, u.is_refund, u.tender, u.amount
FROM stage_payments u
LEFT JOIN stores s ON s.store_id = u.store_id`;

/** Inside the caller's transaction, with the staging tables prepared (stagingCopy.ts). */
export const insertPayments = async (client: PoolClient, c: PaymentColumns): Promise<void> => {
  if (c.eventId.length === 0) return;
  await copyIntoStaging(client, 'stage_payments', [
    c.eventId,
    c.paymentNo,
    c.occurredMs,
    c.storeId,
    c.tillId,
    c.isRefund,
    c.tender,
    c.amount,
  ]);
  await client.query(INSERT_PAYMENTS);
};
