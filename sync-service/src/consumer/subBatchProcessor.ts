// Processes one sub-batch of Kafka records: dead-letters the events that cannot be decoded, applies
// the rest in one transaction, and when that transaction fails on bad data, retries event by event
// so only the offending events are dead-lettered and everything else is applied. Infrastructure
// errors (database down) propagate so Kafka redelivers the batch: nothing is committed for it.
import type { Pool } from 'pg';
import { applyEvents, isDataError } from '../warehouse/applyEvents';
import { insertDeadLetters, type DeadLetter } from '../warehouse/deadLettersRepo';
import type { LedgerEntry } from '../warehouse/eventsRepo';
import type { MonthPartitions } from '../warehouse/partitionsRepo';
import type { StoreVersion } from '../warehouse/analyticsStateRepo';
import { eventIdConflictLetter } from './eventIdConflicts';
import type { DecodedMessage } from './messageDecoder';

export interface RawMessage {
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

/** A record with its events decoded (messageDecoder.ts). */
export interface DecodedRecord {
  message: RawMessage;
  events: DecodedMessage[];
}

/** A dead letter with what goes on the DLQ topic for it. */
export interface OutgoingDeadLetter {
  letter: DeadLetter;
  key: Buffer | string | null;
  /** The original record when the letter covers all of it, else the event's own JSON. */
  value: Buffer | string | null;
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
  publishDeadLetters: (letters: readonly OutgoingDeadLetter[]) => Promise<void>;
}

export const processSubBatch = async (
  deps: SubBatchDeps,
  records: readonly DecodedRecord[],
): Promise<SubBatchResult> => {
  const entries: LedgerEntry[] = [];
  const outgoing: OutgoingDeadLetter[] = [];
  for (const { message, events } of records) {
    for (const decoded of events) {
      if (decoded.ok) {
        entries.push({ event: decoded.event, position: decoded.position });
        continue;
      }
      outgoing.push({
        letter: {
          topic: deps.topic,
          partition: message.partition,
          offset: message.offset,
          recordIndex: decoded.position.index,
          eventId: decoded.eventId,
          storeId: decoded.storeId,
          reasonCode: decoded.reasonCode,
          reason: decoded.reason,
          raw: decoded.raw,
        },
        key: message.key ?? decoded.storeId,
        value: decoded.wholeRecord ? message.value : decoded.raw,
      });
    }
  }

  const result: SubBatchResult = {
    applied: 0,
    duplicates: 0,
    saleLines: 0,
    deadLetters: [],
    versions: [],
  };
  const addOutcome = (o: Awaited<ReturnType<typeof applyEvents>>): void => {
    result.applied += o.applied.length;
    result.duplicates += o.duplicates;
    result.saleLines += o.saleLines;
    result.versions.push(...o.versions);
    outgoing.push(...o.conflicts.map((c) => eventIdConflictLetter(deps.topic, c)));
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
        const raw = JSON.stringify(entry.event);
        outgoing.push({
          letter: {
            topic: deps.topic,
            partition: entry.position.partition,
            offset: entry.position.offset,
            recordIndex: entry.position.index,
            eventId: entry.event.eventId,
            storeId: entry.event.storeId,
            reasonCode: 'UNPROCESSABLE',
            reason: (single as Error).message,
            raw,
          },
          key: entry.event.storeId,
          value: raw,
        });
      }
    }
  }

  if (outgoing.length > 0) {
    result.deadLetters = outgoing.map((o) => o.letter);
    await deps.publishDeadLetters(outgoing);
    await insertDeadLetters(deps.pool, result.deadLetters);
  }
  return result;
};
