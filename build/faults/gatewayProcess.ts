// The gateway together with the analytics API (what tills talk to), without the warehouse
// consumer: the fault suite runs consumers as their own processes so it can kill and add them.
import { runSyncProcess } from '../../sync-service/src/processRunner';

await runSyncProcess(['gateway', 'analytics'], 8787);
