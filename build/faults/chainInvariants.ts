// The fault suite's invariants, checked after every scenario recovered: the warehouse holds
// exactly the events the tills committed (by id), nothing twice, every fact figure per till equal
// to the till's own, rollups equal to a recomputation from facts, every outbox empty, and no dead
// letters except the ones the scenario planted.
import type pg from 'pg';
import { auditRollups } from '../../sync-service/test/rollupAudit';
import type { TillLedger } from '../simulator/tillLedger';

export interface ChainVerdict {
  events: number;
  lost: number;
  duplicated: number;
  violations: string[];
}

const storeIdsOf = (ledgers: readonly TillLedger[]): string[] => [
  ...new Set(ledgers.map((l) => l.storeId)),
];

/** Events of these stores the warehouse holds. */
export const warehouseCount = async (pool: pg.Pool, storeIds: readonly string[]) =>
  Number(
    (
      await pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE store_id = ANY($1)', [
        storeIds,
      ])
    ).rows[0]?.n ?? 0,
  );

export const lastDeadLetterId = async (pool: pg.Pool): Promise<number> =>
  Number(
    (await pool.query<{ id: string | null }>('SELECT max(id) AS id FROM dead_letters')).rows[0]
      ?.id ?? 0,
  );

const duplicateCount = async (pool: pg.Pool, table: string, key: string, stores: string[]) =>
  Number(
    (
      await pool.query<{ n: string }>(
        `SELECT count(*) - count(DISTINCT (${key})) AS n FROM ${table} WHERE store_id = ANY($1)`,
        [stores],
      )
    ).rows[0]?.n ?? 0,
  );

export const verifyChain = async (
  pool: pg.Pool,
  ledgers: readonly TillLedger[],
  deadLetters: { afterId: number; planted: number },
): Promise<ChainVerdict> => {
  const stores = storeIdsOf(ledgers);
  const violations: string[] = [];
  const committed = new Set(ledgers.flatMap((l) => l.eventIds));
  const refused = new Set(ledgers.flatMap((l) => l.rejectedIds));
  const held = (
    await pool.query<{ id: string }>(
      'SELECT event_id::text AS id FROM events WHERE store_id = ANY($1)',
      [stores],
    )
  ).rows.map((r) => r.id);
  const heldSet = new Set(held);
  const lost = [...committed].filter((id) => !heldSet.has(id));
  const unknown = held.filter((id) => !committed.has(id));
  if (lost.length > 0) violations.push(`${lost.length} committed events missing, e.g. ${lost[0]}`);
  if (unknown.length > 0)
    violations.push(
      `${unknown.length} warehouse events no till committed (${unknown.filter((id) => refused.has(id)).length} of them refused by the gateway)`,
    );

  let duplicated = held.length - heldSet.size;
  duplicated += await duplicateCount(pool, 'sale_lines', 'event_id, line_no', stores);
  duplicated += await duplicateCount(pool, 'payments', 'event_id, payment_no', stores);
  duplicated += await duplicateCount(pool, 'stock_moves', 'event_id, move_no', stores);
  if (duplicated > 0) violations.push(`${duplicated} duplicated fact rows`);

  const perTill = await pool.query<{ till_id: string; lines: string; net: string }>(
    `SELECT till_id, count(*) AS lines, sum(net) AS net FROM sale_lines
     WHERE store_id = ANY($1) GROUP BY till_id`,
    [stores],
  );
  for (const l of ledgers) {
    const row = perTill.rows.find((r) => r.till_id === l.tillId);
    const lines = Number(row?.lines ?? 0);
    const net = Number(row?.net ?? 0);
    if (lines !== l.lines || net !== l.net)
      violations.push(
        `${l.key}: warehouse has ${lines} lines / net ${net}, till ${l.lines} / ${l.net}`,
      );
    if (l.pending > 0) violations.push(`${l.key}: ${l.pending} events still in the outbox`);
  }

  const audit = await auditRollups(pool);
  for (const [table, diff] of Object.entries(audit))
    if (diff > 0) violations.push(`rollup ${table}: ${diff} rows differ from the facts`);

  const letters = Number(
    (
      await pool.query<{ n: string }>('SELECT count(*) AS n FROM dead_letters WHERE id > $1', [
        deadLetters.afterId,
      ])
    ).rows[0]?.n ?? 0,
  );
  if (letters !== deadLetters.planted)
    violations.push(`${letters} dead letters, ${deadLetters.planted} planted`);

  return { events: committed.size, lost: lost.length, duplicated, violations };
};
