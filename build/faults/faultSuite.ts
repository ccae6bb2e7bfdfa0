// The harness every short-form fault test file shares: one fault environment per file, each
// scenario's invariants asserted, and the scenario table printed when the file ends.
import { afterAll, beforeAll, expect } from 'vitest';
import { formatFaultTable, runChainScenario, type ScenarioResult } from './chainScenario';
import { FaultEnvironment } from './faultEnvironment';
import type { Scenario } from './scenarios';

export const faultSuite = (): ((name: string, scenario: Scenario) => Promise<void>) => {
  let world: FaultEnvironment;
  const results: ScenarioResult[] = [];

  beforeAll(async () => {
    world = await FaultEnvironment.create();
  });
  afterAll(async () => {
    if (results.length > 0) console.log(`\n${formatFaultTable(results)}\n`);
    await world?.close();
  });

  return async (name, scenario) => {
    const result = await runChainScenario(world, name, scenario);
    results.push(result);
    expect(result.violations).toEqual([]);
    expect(result.events).toBeGreaterThan(100);
  };
};
