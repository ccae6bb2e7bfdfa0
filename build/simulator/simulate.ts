// `npm run simulate -- --stores N --tills M --days D [...]`: runs a chain of real till cores
// against a sync service and prints what each till committed (also written as JSON).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMoney } from '../../shared/money';
import { ArgsError, parseSimulatorArgs, SIMULATOR_USAGE } from './simulatorArgs';
import { runSimulation, type SimulationSummary } from './simulation';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const table = (summary: SimulationSummary): string => {
  const rows = [
    ['till', 'store id', 'till id', 'events', 'sales', 'returns', 'net (INR)', 'pending'],
    ...summary.tills.map((t) => [
      t.key,
      t.storeId,
      t.tillId,
      String(t.events),
      String(t.sales),
      String(t.returns),
      formatMoney(t.net, 'INR', 'en-IN'),
      String(t.pending),
    ]),
    [
      'total',
      '',
      '',
      String(summary.totals.events),
      String(summary.totals.sales),
      String(summary.totals.returns),
      formatMoney(summary.totals.net, 'INR', 'en-IN'),
      String(summary.totals.pending),
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '),
    )
    .join('\n');
};

let args;
try {
  args = parseSimulatorArgs(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ArgsError)) throw e;
  if (e.message) process.stderr.write(`simulate: ${e.message}\n`);
  process.stderr.write(`${SIMULATOR_USAGE}\n`);
  process.exit(2);
}
try {
  const summary = await runSimulation(args, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${table(summary)}\n`);
  const out =
    args.out ??
    join(
      repoRoot,
      'build/output/simulator',
      `summary-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`\nsummary written to ${out} (${summary.realSeconds} s)\n`);
  process.exit(summary.totals.pending === 0 ? 0 : 1);
} catch (e) {
  process.stderr.write(`simulate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
}
