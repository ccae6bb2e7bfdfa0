// The analytics API alone, reading the warehouse in Postgres.
import { runSyncProcess } from './processRunner';

await runSyncProcess(['analytics'], 8789);
