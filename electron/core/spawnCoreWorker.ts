// Starts one of the till core's worker threads from wherever this code runs. In the Electron
// bundle (build/scripts/buildElectron.mjs) each worker is its own bundle next to main.cjs
// (Electron loads worker scripts from inside the asar since 17.3). From TypeScript sources (tsx,
// vitest, the chain simulator) the entry is bundled once per process with esbuild, like the
// Electron build does: a thread that registered tsx instead compiled every source again in its
// own isolate plus a loader thread, ~30 MB a till, which made 400 simulated tills need 12 GB.
// Without esbuild (it is a dev dependency) the thread falls back to registering tsx itself.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Entries relative to electron/core; the bundle of each is `<file name>.cjs` beside main.cjs. */
export type CoreWorkerEntry = 'sync/outboxRelayWorker' | 'db/walCheckpointWorker';

const fileNameOf = (entry: CoreWorkerEntry): string => entry.slice(entry.lastIndexOf('/') + 1);

interface EsbuildSync {
  buildSync(options: Record<string, unknown>): unknown;
}

const bundles = new Map<CoreWorkerEntry, string | null>();
let bundleDir: string | null = null;

/** Whether a process with this pid exists (ours or another user's). */
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else; still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// A process that was killed (test runners kill their workers) never ran its exit hook.
const removeLeftovers = (parent: string): void => {
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return; // none yet
  }
  for (const name of names)
    if (/^\d+$/.test(name) && !isRunning(Number(name)))
      rmSync(join(parent, name), { recursive: true, force: true });
};

// Inside the repository's node_modules, so the bundle's require('better-sqlite3') resolves there.
const bundleDirectory = (here: string): string => {
  if (bundleDir) return bundleDir;
  const root = fileURLToPath(new URL('../../', here));
  const parent = join(root, 'node_modules', '.cache', 'pos-core-workers');
  removeLeftovers(parent);
  const dir = join(parent, String(process.pid));
  mkdirSync(dir, { recursive: true });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  bundleDir = dir;
  return dir;
};

/** The entry bundled to CommonJS once per process, or null when esbuild is not installed. */
const bundledFromSources = (entry: CoreWorkerEntry, here: string): string | null => {
  if (bundles.has(entry)) return bundles.get(entry) ?? null;
  let outfile: string | null = null;
  try {
    const esbuild = createRequire(here)('esbuild') as EsbuildSync;
    outfile = join(bundleDirectory(here), `${fileNameOf(entry)}.cjs`);
    esbuild.buildSync({
      entryPoints: [fileURLToPath(new URL(`./${entry}.ts`, here))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      external: ['better-sqlite3'],
      // As in the Electron build: ESM sources may read import.meta.url.
      banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__importMetaUrl' },
    });
  } catch {
    outfile = null;
  }
  bundles.set(entry, outfile);
  return outfile;
};

const withTsx = (entry: CoreWorkerEntry, here: string, workerData: unknown): Worker => {
  // A worker's own execArgv cannot carry `--import tsx`, so the thread registers it itself.
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const source = new URL(`./${entry}.ts`, here).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData });
};

export const spawnCoreWorker = (entry: CoreWorkerEntry, workerData?: unknown): Worker => {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    const bundle = bundledFromSources(entry, here);
    return bundle ? new Worker(bundle, { workerData }) : withTsx(entry, here, workerData);
  }
  return new Worker(new URL(`./${fileNameOf(entry)}.cjs`, here), { workerData });
};
