// Fault suite, short form (npm test): a till's disk fills up and its data dir turns read-only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatFaultTable } from './chainScenario';
import { canMountTmpfs, runDiskFullScenario } from './diskFullScenario';
import { FaultEnvironment } from './faultEnvironment';

const mountable = canMountTmpfs();
let world: FaultEnvironment | null = null;

beforeAll(async () => {
  if (mountable) world = await FaultEnvironment.create(2);
});
afterAll(async () => {
  await world?.close();
});

it.skipIf(!mountable)(
  'a full or read-only disk gives STORAGE_ERROR, keeps the database intact, and recovers',
  async () => {
    const result = await runDiskFullScenario(world!);
    console.log(`\n${formatFaultTable([result])}\n`);
    expect(result.violations).toEqual([]);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
  },
);
