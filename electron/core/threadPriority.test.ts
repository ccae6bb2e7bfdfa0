import { createRequire } from 'node:module';
import { getPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { currentThreadId, lowerThisThreadPriority, type PriorityOutcome } from './threadPriority';

const linux = process.platform === 'linux';

/** A worker thread that calls the real lowerThisThreadPriority(7) and reports the outcome. */
const workerLowering = (): Worker => {
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const source = new URL('./threadPriority.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })
    .then((m) => { require('node:worker_threads').parentPort.postMessage(m.lowerThisThreadPriority(7)); setTimeout(() => {}, 300); })`;
  return new Worker(boot, { eval: true });
};

describe('thread priority', () => {
  it.runIf(linux)("knows the main thread's id and refuses to renice it", () => {
    expect(currentThreadId()).toBe(process.pid);
    const before = getPriority(process.pid);
    expect(lowerThisThreadPriority(12)).toMatchObject({ lowered: false });
    expect(getPriority(process.pid)).toBe(before);
  });

  it.runIf(linux)('lowers one worker thread, not the process', async () => {
    const before = getPriority(process.pid);
    const worker = workerLowering();
    const got = await new Promise<PriorityOutcome>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (!got.lowered) throw new Error(got.reason);
    expect(got.threadId).not.toBe(process.pid);
    expect(got.nice).toBe(Math.max(7, before));
    expect(getPriority(got.threadId)).toBe(got.nice);
    expect(getPriority(process.pid)).toBe(before);
    await worker.terminate();
  });
});
