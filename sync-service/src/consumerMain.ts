// One warehouse consumer instance (plus /healthz, /readyz, /metrics). Run several: Kafka spreads
// the partitions over the consumer group.
import { runSyncProcess } from './processRunner';

await runSyncProcess(['consumer'], 8788);
