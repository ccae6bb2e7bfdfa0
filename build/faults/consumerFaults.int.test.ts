// Fault suite, short form (npm test): warehouse consumer faults over a small simulated chain.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatFaultTable, runChainScenario, type ScenarioResult } from './chainScenario';
import { FaultEnvironment } from './faultEnvironment';
import { consumerKilledMidBatch, consumerRebalance, type Scenario } from './scenarios';

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

it('a consumer SIGKILLed mid-batch: the next one replays without double counting', () =>
  run('consumer SIGKILL mid-batch', consumerKilledMidBatch));

it('a second consumer joining and leaving the group changes nothing; the poison message is dead-lettered', () =>
  run('consumer rebalance (join + leave)', consumerRebalance));
