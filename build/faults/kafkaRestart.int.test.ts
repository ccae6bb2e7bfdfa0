// Fault suite, short form (npm test): the Kafka broker restarts under a small simulated chain.
// This stops the shared broker for everyone on the machine, and starts it again before returning.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatFaultTable, runChainScenario, type ScenarioResult } from './chainScenario';
import { FaultEnvironment } from './faultEnvironment';
import { kafkaRestart, type Scenario } from './scenarios';

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

it('a Kafka broker restart mid-stream loses and duplicates nothing', () =>
  run('Kafka broker restart', kafkaRestart));
