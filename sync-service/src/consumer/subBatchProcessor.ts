// Processes one sub-batch of Kafka messages: dead-letters what cannot be decoded, applies the rest
// in one transaction, and when that transaction fails on bad data, retries event by event so only
// the offending events are dead-lettered and everything else is applied. Infrastructure errors
// (database down) propagate so Kafka redelivers the batch: nothing is committed for it.
import type { Pool } from 'pg';
import { applyEvents, isDataError } from '../warehouse/applyEvents';
import { insertDeadLetters, type DeadLetter } from '../warehouse/deadLettersRepo';
import type { LedgerEntry } from '../warehouse/eventsRepo';
import type { MonthPartitions } from '../warehouse/partitionsRepo';
import type { StoreVersion } from '../warehouse/analyticsStateRepo';
import { decodeMessage } from './messageDecoder';

export interface RawMessage {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

export interface SubBatchResult {
  applied: number;
  duplicates: number;
  saleLines: number;
  deadLetters: DeadLetter[];
  versions: StoreVersion[];
}

export interface SubBatchDeps {
  pool: Pool;
  partitions: MonthPartitions;
  topic: string;
  /** Publishes dead letters to the DLQ topic; called before they are recorded in Postgres. */
  publishDeadLetters: (
    letters: readonly DeadLetter[],
    messages: ReadonlyMap<string, RawMessage>,
  ) => Promise<void>;
}

const positionKey = (partition: number, offset: string): string => `${partition}:${offset}`;

export const processSubBatch = async (
  deps: SubBatchDeps,
  messages: readonly RawMessage[],
): Promise<SubBatchResult> => {
  const entries: LedgerEntry[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const m of messages) {
    const decoded = decodeMessage(m.value, { partition: m.partition, offset: m.offset });
    if (decoded.ok) {
      entries.push({ event: decoded.event, position: decoded.position });
    } else {
      deadLetters.push({
        topic: deps.topic,
        partition: m.partition,
        offset: m.offset,
        eventId: decoded.eventId,
        storeId: decoded.storeId,
        reasonCode: decoded.reasonCode,
        reason: decoded.reason,
        raw: decoded.raw,
      });
    }
  }

  const result: SubBatchResult = {
    applied: 0,
    duplicates: 0,
    saleLines: 0,
    deadLetters,
    versions: [],
  };
  const addOutcome = (o: Awaited<ReturnType<typeof applyEvents>>): void => {
    result.applied += o.applied.length;
    result.duplicates += o.duplicates;
    result.saleLines += o.saleLines;
    result.versions.push(...o.versions);
  };

  try {
    addOutcome(await applyEvents(deps.pool, deps.partitions, entries));
  } catch (e) {
    if (!isDataError(e)) throw e;
    for (const entry of entries) {
      try {
        addOutcome(await applyEvents(deps.pool, deps.partitions, [entry]));
      } catch (single) {
        if (!isDataError(single)) throw single;
        deadLetters.push({
          topic: deps.topic,
          partition: entry.position.partition,
          offset: entry.position.offset,
          eventId: entry.event.eventId,
          storeId: entry.event.storeId,
          reasonCode: 'UNPROCESSABLE',
          reason: (single as Error).message,
          raw: JSON.stringify(entry.event),
        });
      }
    }
  }

  if (deadLetters.length > 0) {
    const byPosition = new Map(messages.map((m) => [positionKey(m.partition, m.offset), m]));
    await deps.publishDeadLetters(deadLetters, byPosition);
    await insertDeadLetters(deps.pool, deadLetters);
  }
  return result;
};

export { positionKey };
