// Bundles the Electron main process and the preload into single CommonJS files under
// build/out/electron. The preload runs sandboxed, where `require` knows only a few modules, so it
// must be one self-contained file with nothing external but `electron` (checked below).
// `--outdir DIR` builds elsewhere and `--metafile FILE` writes each bundle's input files as JSON:
// build/test/productionHoldsNoTestCode.test.ts builds with both to prove no test code is bundled.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const outDir = path.resolve(root, option('--outdir') ?? 'build/out/electron');
const metafile = option('--metafile');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: metafile !== undefined,
};

const outcomes = await Promise.allSettled([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main.cjs'),
    // ESM sources may use import.meta.url; in a CJS bundle it must come from __filename.
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl' },
    // better-sqlite3 is a native addon loaded from node_modules (unpacked from the asar when packaged).
    external: ['electron', 'better-sqlite3'],
  }),
  // The core's worker threads (the outbox relay, the WAL checkpointer; electron/core/
  // spawnCoreWorker.ts loads them from beside main.cjs): one bundle each, better-sqlite3 external.
  build({
    ...common,
    // Named entries: flat output (outboxRelayWorker.cjs, walCheckpointWorker.cjs), no subfolders.
    entryPoints: {
      outboxRelayWorker: 'electron/core/sync/outboxRelayWorker.ts',
      walCheckpointWorker: 'electron/core/db/walCheckpointWorker.ts',
    },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl' },
    external: ['electron', 'better-sqlite3'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    external: ['electron'],
    // It carries the API method table (zod schemas included); minified, it parses faster per window.
    minify: true,
  }),
]);
if (outcomes.some((outcome) => outcome.status === 'rejected')) process.exit(1); // esbuild printed why
if (metafile !== undefined) {
  const inputs = outcomes.flatMap((outcome) =>
    outcome.status === 'fulfilled' ? Object.keys(outcome.value.metafile.inputs) : [],
  );
  await writeFile(path.resolve(metafile), JSON.stringify([...new Set(inputs)].sort(), null, 1));
}

const preload = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
const required = new Set([...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]));
const allowed = new Set(['electron']);
const stray = [...required].filter((name) => !allowed.has(name));
if (stray.length > 0) {
  console.error(
    `preload.cjs requires modules a sandboxed preload cannot load: ${stray.join(', ')}`,
  );
  process.exit(1);
}
console.log(
  `Built ${path.relative(root, outDir)}/main.cjs, the core's worker bundles and preload.cjs`,
);
