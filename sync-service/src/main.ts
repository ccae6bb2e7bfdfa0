// `npm run sync-service`: gateway, warehouse consumer and analytics API in one process.
// Configuration: environment variables (see config.ts), local defaults match npm run services:up.
import { runSyncProcess } from './processRunner';
import { ALL_ROLES } from './service';

await runSyncProcess(ALL_ROLES, 8787);
