// The gateway alone (event push, enrollment, catalog): scale it apart from the consumer.
import { runSyncProcess } from './processRunner';

await runSyncProcess(['gateway'], 8787);
