// `npm run test:faults`: every fault scenario at FAULTS_SCALE (default 4: 8 stores × 2 tills,
// Postgres down 30 s), one after another on a fresh environment, then the table. Exit code 1 if
// any invariant broke. `npm test` runs the same scenarios small (build/faults/*.int.test.ts).
// Usage: FAULTS_SCALE=4 npm run test:faults [-- scenario-name-substring ...]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatFaultTable, runChainScenario, type ScenarioResult } from './chainScenario';
import { runDiskFullScenario } from './diskFullScenario';
import { FaultEnvironment } from './faultEnvironment';
import { CHAIN_SCENARIOS } from './scenarios';

process.env.FAULTS_SCALE ??= '4';
const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const wanted = (name: string): boolean =>
  filters.length === 0 || filters.some((f) => name.toLowerCase().includes(f));

execFileSync('bash', [fileURLToPath(new URL('../scripts/services-up.sh', import.meta.url))], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const results: ScenarioResult[] = [];
const world = await FaultEnvironment.create();
try {
  for (const [name, scenario] of Object.entries(CHAIN_SCENARIOS)) {
    if (!wanted(name)) continue;
    console.log(`scenario: ${name} ...`);
    try {
      results.push(await runChainScenario(world, name, scenario));
    } catch (e) {
      results.push({
        scenario: name,
        events: 0,
        lost: 0,
        duplicated: 0,
        recoveryMs: 0,
        violations: [`crashed: ${e instanceof Error ? e.message : String(e)}`],
      });
    }
    // A scenario that killed processes leaves the next one a complete service again.
    if (
      !world.gateway ||
      world.gateway.child.exitCode !== null ||
      world.gateway.child.signalCode !== null
    )
      await world.startGateway();
    if (world.liveConsumers().length === 0) await world.startConsumer();
    console.log(formatFaultTable(results.slice(-1)).split('\n')[1]);
  }
  if (wanted('disk full')) {
    console.log('scenario: till disk full ...');
    results.push(await runDiskFullScenario(world));
  }
} finally {
  await world.close();
}
console.log(`\n${formatFaultTable(results)}`);
process.exit(results.every((r) => r.violations.length === 0) ? 0 : 1);
