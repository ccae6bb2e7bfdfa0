// Processes one sub-batch of Kafka records: dead-letters the events that cannot be decoded or are
// dated far in the future (eventTimeGuard.ts), applies the rest in one transaction, and when that
// transaction fails on bad data, bisects it (bisectApply.ts) so only the offending events are
// dead-lettered and everything else is applied in a few transactions. Infrastructure
// errors (database down) propagate so Kafka redelivers the batch: nothing is committed for it.
import type { Pool } from 'pg';
import { applyEvents, isDataError } from '../warehouse/applyEvents';
import { insertDeadLetters, type DeadLetter } from '../warehouse/deadLettersRepo';
import type { LedgerEntry } from '../warehouse/eventsRepo';
import type { MonthPartitions } from '../warehouse/partitionsRepo';
import type { StoreVersion } from '../warehouse/analyticsStateRepo';
import { applyBisecting } from './bisectApply';
import { eventIdConflictLetter } from './eventIdConflicts';
import { CONSUMER_MAX_FUTURE_MS, splitFutureEvents } from './eventTimeGuard';
import type { DeadLetterReasonCode, DecodedMessage } from './messageDecoder';

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
  /** Apply transactions tried for this sub-batch: 1 when all is well, O(log n) per bad event. */
  transactions: number;
}

export interface SubBatchDeps {
  pool: Pool;
  partitions: MonthPartitions;
  topic: string;
  /** Publishes dead letters to the DLQ topic; called before they are recorded in Postgres. */
  publishDeadLetters: (letters: readonly OutgoingDeadLetter[]) => Promise<void>;
  /** The consumer's clock (tests pin it). */
  now?: () => number;
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
    transactions: 0,
  };
  const addOutcome = (o: Awaited<ReturnType<typeof applyEvents>>): void => {
    result.applied += o.applied.length;
    result.duplicates += o.duplicates;
    result.saleLines += o.saleLines;
    result.versions.push(...o.versions);
    outgoing.push(...o.conflicts.map((c) => eventIdConflictLetter(deps.topic, c)));
  };

  const deadLetterEntry = (
    entry: LedgerEntry,
    reasonCode: DeadLetterReasonCode,
    reason: string,
  ) => {
    const raw = JSON.stringify(entry.event);
    outgoing.push({
      letter: {
        topic: deps.topic,
        partition: entry.position.partition,
        offset: entry.position.offset,
        recordIndex: entry.position.index,
        eventId: entry.event.eventId,
        storeId: entry.event.storeId,
        reasonCode,
        reason,
        raw,
      },
      key: entry.event.storeId,
      value: raw,
    });
  };

  const { present, future } = splitFutureEvents(entries, (deps.now ?? Date.now)());
  for (const entry of future) {
    deadLetterEntry(
      entry,
      'EVENT_FROM_FUTURE',
      `occurredAt ${new Date(entry.event.occurredAt).toISOString()} is more than ` +
        `${CONSUMER_MAX_FUTURE_MS / 3_600_000} h after the consumer's clock`,
    );
  }
  const bisected = await applyBisecting(
    (part) => applyEvents(deps.pool, deps.partitions, part),
    isDataError,
    present,
  );
  for (const outcome of bisected.outcomes) addOutcome(outcome);
  result.transactions = bisected.transactions;
  for (const { entry, error } of bisected.refused)
    deadLetterEntry(entry, 'UNPROCESSABLE', error.message);

  if (outgoing.length > 0) {
    result.deadLetters = outgoing.map((o) => o.letter);
    await deps.publishDeadLetters(outgoing);
    await insertDeadLetters(deps.pool, result.deadLetters);
  }
  return result;
};
