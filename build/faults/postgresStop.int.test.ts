// Fault suite, short form (npm test): PostgreSQL stops for a while (10 s here, 30 s in
// `npm run test:faults`) under a small simulated chain. This stops the shared server for everyone
// on the machine, and starts it again before returning.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatFaultTable, runChainScenario, type ScenarioResult } from './chainScenario';
import { FaultEnvironment } from './faultEnvironment';
import { postgresStopped, type Scenario } from './scenarios';

let world: FaultEnvironment;
const results: ScenarioResult[] = [];

beforeAll(async () => {
  world = await FaultEnvironment.create();
});
afterAll(async () => {
  if (results.length > 0) console.log(`\n${formatFaultTable(results)}\n`);
  await world?.close();
});

const run = async (name: string, scenario: Scenario) => {
  const result = await runChainScenario(world, name, scenario);
  results.push(result);
  expect(result.violations).toEqual([]);
  expect(result.events).toBeGreaterThan(100);
};

it('PostgreSQL stopped for a while: everything lands once it is back', () =>
  run('Postgres stopped', postgresStopped));
