// The gateway together with the analytics API (what tills talk to), without the warehouse
// consumer: the fault suite runs consumers as their own processes so it can kill and add them.
// SYNC_FAULT_KILL_AFTER_ACK=N (this entry only, never production's): the gateway SIGKILLs itself
// right after Kafka acknowledged its Nth batch and before it answers the till.
import type { EventPublisher } from '../../sync-service/src/gateway/eventPublisher';
import { runSyncProcess } from '../../sync-service/src/processRunner';
import { killAfterKafkaAck } from '../../sync-service/test/faultHooks';

const killAfter = Number(process.env.SYNC_FAULT_KILL_AFTER_ACK ?? '0');
const wrapEventsPublisher =
  Number.isInteger(killAfter) && killAfter > 0
    ? (publisher: EventPublisher) => killAfterKafkaAck(publisher, killAfter)
    : undefined;

await runSyncProcess(['gateway', 'analytics'], 8787, { wrapEventsPublisher });
