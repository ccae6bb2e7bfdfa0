// `npm run bench -- <suite> [--json] [suite options]`: runs build/bench/suites/<suite>.ts, whose
// default export returns the figures. Human-readable lines go to stdout as the suite runs; with
// --json the very last stdout line is one JSON object of the results.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Suite {
  default: (args: string[]) => Promise<Record<string, unknown>>;
}

const suitesDir = fileURLToPath(new URL('./suites/', import.meta.url));
const available = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

const [suite, ...rest] = process.argv.slice(2);
const json = rest.includes('--json');
if (!suite || !available.includes(suite)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [--json]`);
  process.exit(2);
}

const mod = (await import(`./suites/${suite}.ts`)) as Suite;
const results = await mod.default(rest.filter((a) => a !== '--json'));
if (json) {
  console.log(JSON.stringify({ suite, ...results }));
} else {
  for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(32)} ${String(v)}`);
}
process.exit(0);
