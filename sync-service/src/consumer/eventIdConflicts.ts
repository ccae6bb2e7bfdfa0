// Dead letters for events whose id is already another store's event (warehouse/applyEvents.ts).
// Counting them as duplicates would let a till that learnt another store's event id get that
// store's event dropped; refusing them with their own reason keeps both visible to HQ.
import type { EventIdConflict } from '../warehouse/applyEvents';
import type { OutgoingDeadLetter } from './subBatchProcessor';

export const EVENT_ID_CONFLICT = 'EVENT_ID_CONFLICT';

export const eventIdConflictLetter = (
  topic: string,
  { entry, ownerStoreId }: EventIdConflict,
): OutgoingDeadLetter => {
  const raw = JSON.stringify(entry.event);
  return {
    letter: {
      topic,
      partition: entry.position.partition,
      offset: entry.position.offset,
      recordIndex: entry.position.index,
      eventId: entry.event.eventId,
      storeId: entry.event.storeId,
      reasonCode: EVENT_ID_CONFLICT,
      reason: `event id ${entry.event.eventId} already belongs to an event of store ${ownerStoreId}; not applied`,
      raw,
    },
    key: entry.event.storeId,
    value: raw,
  };
};
