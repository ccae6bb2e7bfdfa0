// Starts the relay's worker thread from wherever this code runs. From TypeScript sources (tsx,
// vitest) the thread registers tsx's loader and imports outboxRelayWorker.ts; in the Electron
// bundle (build/scripts/buildElectron.mjs) the worker is its own bundle, outboxRelayWorker.cjs,
// next to main.cjs (Electron loads worker scripts from inside the asar since 17.3).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export const RELAY_WORKER_BUNDLE = 'outboxRelayWorker.cjs';

export const spawnRelayWorker = (): Worker => {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    // A worker's own execArgv cannot carry `--import tsx`, so the thread registers it itself.
    const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./outboxRelayWorker.ts', here).href;
    const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL(`./${RELAY_WORKER_BUNDLE}`, here));
};
