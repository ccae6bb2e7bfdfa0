// Applies validated events in one Postgres transaction: ledger first, then facts and rollups for
// only the events the ledger newly accepted, then the per-store version bump and NOTIFY. A
// deadlock or serialization failure (two consumers touching shared dimension rows) is retried.
// An event whose id the ledger already holds for another store is a conflict, not a duplicate:
// it is returned for the caller to dead-letter (EVENT_ID_CONFLICT).
import type { Pool, PoolClient } from 'pg';
import type { PosEvent } from '../../../shared/events';
import { bumpStoreVersions, type StoreVersion } from './analyticsStateRepo';
import { insertCartVoids } from './cartVoidsRepo';
import { upsertCashiers, upsertLocalProducts, upsertStoreProducts } from './dimensionsRepo';
import { earnsPartition } from './eventOrigin';
import { insertNewEvents, markEventOrigins, storesOfEvents, type LedgerEntry } from './eventsRepo';
import { buildFactRows, monthsTouched } from './factRows';
import { addToMonthProductRollup } from './monthProductRollupRepo';
import type { MonthPartitions } from './partitionsRepo';
import { insertPayments } from './paymentsRepo';
import { insertPinFailures } from './pinFailuresRepo';
import { insertSaleLinesWithRollups } from './saleLinesRepo';
import { applyShiftEvents } from './shiftsRepo';
import { ensureStagingTables } from './stagingCopy';
import { insertStockMovesWithOnHand } from './stockMovesRepo';

/** An event whose id is already another store's event: refused, never counted as a duplicate. */
export interface EventIdConflict {
  entry: LedgerEntry;
  /** The store the id belongs to. */
  ownerStoreId: string;
}

export interface ApplyOutcome {
  applied: PosEvent[];
  duplicates: number;
  conflicts: EventIdConflict[];
  saleLines: number;
  versions: StoreVersion[];
}

const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

const pgCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e
    ? String((e as { code: unknown }).code)
    : undefined;

/**
 * True for errors caused by the data of an event (bad value, constraint, impossible date) rather
 * than by the database being unavailable or the code being wrong; only those dead-letter an event.
 */
export const isDataError = (e: unknown): boolean => {
  const code = pgCode(e);
  if (code === undefined) return e instanceof RangeError || e instanceof TypeError;
  return code.startsWith('22') || code.startsWith('23');
};

const applyOnce = async (
  client: PoolClient,
  entries: readonly LedgerEntry[],
): Promise<ApplyOutcome> => {
  await client.query('BEGIN');
  try {
    const fresh = await insertNewEvents(client, entries);
    const applied = entries.filter((x) => fresh.has(x.event.eventId)).map((x) => x.event);
    const refused = entries.filter((x) => !fresh.has(x.event.eventId));
    const owners = await storesOfEvents(
      client,
      refused.map((x) => x.event.eventId),
    );
    const conflicts = refused.flatMap((entry) => {
      const ownerStoreId = owners.get(entry.event.eventId);
      return ownerStoreId !== undefined && ownerStoreId !== entry.event.storeId
        ? [{ entry, ownerStoreId }]
        : [];
    });
    await markEventOrigins(client, applied);
    const rows = buildFactRows(applied);
    const lines = await insertSaleLinesWithRollups(client, rows.saleLines);
    await insertPayments(client, rows.payments);
    await insertStockMovesWithOnHand(client, rows.stockMoves);
    await upsertLocalProducts(client, rows.products);
    await upsertCashiers(client, rows.cashiers);
    await upsertStoreProducts(client, rows.catalogChanges);
    await applyShiftEvents(client, rows.shiftOpens, rows.shiftCloses, rows.cashMovements);
    await insertPinFailures(client, rows.pinFailures);
    await insertCartVoids(client, rows.cartVoids);
    // Chain-wide rows last: see monthProductRollupRepo.ts.
    await addToMonthProductRollup(client, lines.monthProducts);
    const versions = await bumpStoreVersions(client, applied);
    await client.query('COMMIT');
    return {
      applied,
      duplicates: entries.length - applied.length - conflicts.length,
      conflicts,
      saleLines: lines.inserted,
      versions,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
};

export const applyEvents = async (
  pool: Pool,
  partitions: MonthPartitions,
  entries: readonly LedgerEntry[],
): Promise<ApplyOutcome> => {
  // The same event twice in one sub-batch (a producer retry) is applied once; the same id from
  // another store than its first is a conflict.
  const first = new Map<string, LedgerEntry>();
  const inBatch: EventIdConflict[] = [];
  for (const x of entries) {
    const known = first.get(x.event.eventId);
    if (!known) first.set(x.event.eventId, x);
    else if (known.event.storeId !== x.event.storeId)
      inBatch.push({ entry: x, ownerStoreId: known.event.storeId });
  }
  const unique = [...first.values()];
  const now = Date.now();
  await partitions.ensure(
    pool,
    monthsTouched(
      unique.filter((x) => earnsPartition(x.event, now)).map((x) => x.event.occurredAt),
    ),
  );
  const client = await pool.connect();
  try {
    await ensureStagingTables(client);
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await applyOnce(client, unique);
        return {
          ...outcome,
          duplicates: outcome.duplicates + entries.length - unique.length - inBatch.length,
          conflicts: [...inBatch, ...outcome.conflicts],
        };
      } catch (e) {
        if (!RETRYABLE.has(pgCode(e) ?? '') || attempt >= MAX_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
  } finally {
    client.release();
  }
};
