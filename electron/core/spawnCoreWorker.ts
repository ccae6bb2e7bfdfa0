// Starts one of the till core's worker threads from wherever this code runs. From TypeScript
// sources (tsx, vitest) the thread registers tsx's loader and imports the .ts entry; in the
// Electron bundle (build/scripts/buildElectron.mjs) each worker is its own bundle next to main.cjs
// (Electron loads worker scripts from inside the asar since 17.3).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Entries relative to electron/core; the bundle of each is `<file name>.cjs` beside main.cjs. */
export type CoreWorkerEntry = 'sync/outboxRelayWorker' | 'db/walCheckpointWorker';

export const spawnCoreWorker = (entry: CoreWorkerEntry, workerData?: unknown): Worker => {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    // A worker's own execArgv cannot carry `--import tsx`, so the thread registers it itself.
    const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
    const source = new URL(`./${entry}.ts`, here).href;
    const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
    return new Worker(boot, { eval: true, workerData });
  }
  const bundle = `${entry.slice(entry.lastIndexOf('/') + 1)}.cjs`;
  return new Worker(new URL(`./${bundle}`, here), { workerData });
};
