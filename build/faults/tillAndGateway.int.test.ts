// Fault suite, short form (npm test): till and gateway faults over a small simulated chain.
// `npm run test:faults` runs every scenario at FAULTS_SCALE (bigger chains, longer outages).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatFaultTable, runChainScenario, type ScenarioResult } from './chainScenario';
import { FaultEnvironment } from './faultEnvironment';
import { gatewayKilledAfterAck, gatewayUnreachable, tillKilledMidPush } from './scenarios';

let world: FaultEnvironment;
const results: ScenarioResult[] = [];

beforeAll(async () => {
  world = await FaultEnvironment.create();
});
afterAll(async () => {
  if (results.length > 0) console.log(`\n${formatFaultTable(results)}\n`);
  await world?.close();
});

const run = async (name: string, scenario: Parameters<typeof runChainScenario>[2]) => {
  const result = await runChainScenario(world, name, scenario);
  results.push(result);
  expect(result.violations).toEqual([]);
  expect(result.events).toBeGreaterThan(100);
};

it('a till SIGKILLed mid-push loses and duplicates nothing', () =>
  run('till SIGKILL mid-push', tillKilledMidPush));

it('a gateway killed between the Kafka ack and its answer loses and duplicates nothing', () =>
  run('gateway SIGKILL after Kafka ack', gatewayKilledAfterAck));

it('tills that were offline while the gateway was away catch up exactly once', () =>
  run('gateway unreachable (offline tills)', gatewayUnreachable));
