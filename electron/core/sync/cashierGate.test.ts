import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createCashierGate, waitForCashier } from './cashierGate';

/** A worker thread that flags `ready`, then waits out the gate with the real waitForCashier. */
const relayLikeWorker = (gate: SharedArrayBuffer, ready: SharedArrayBuffer): Worker => {
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const source = new URL('./cashierGate.ts', import.meta.url).href;
  const boot = `const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })
    .then((m) => {
      const ready = new Int32Array(workerData.ready);
      Atomics.store(ready, 0, 1);
      parentPort.postMessage(m.waitForCashier(workerData.gate, 5000));
    })`;
  return new Worker(boot, { eval: true, workerData: { gate, ready } });
};

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the main thread busy in a call's database work
  }
};

describe('cashier gate', () => {
  it('passes the value through and always lowers the gate, even when the work throws', () => {
    const gate = createCashierGate();
    expect(gate.hold(() => 42)).toBe(42);
    expect(() =>
      gate.hold(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(waitForCashier(gate.buffer, 1_000)).toBeLessThan(50);
  });

  it('gives up after the cap while the gate stays raised', () => {
    const gate = createCashierGate();
    const waited = gate.hold(() => waitForCashier(gate.buffer, 30));
    expect(waited).toBeGreaterThanOrEqual(29);
  });

  it('holds the relay thread while a call runs and lets it go as soon as the call ends', async () => {
    const gate = createCashierGate();
    const ready = new SharedArrayBuffer(4);
    const flag = new Int32Array(ready);
    let worker: Worker | null = null;
    const waited = new Promise<number>((resolve, reject) => {
      worker = relayLikeWorker(gate.buffer, ready);
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    gate.hold(() => {
      // Raised before the worker looks; keep the call running until it waits, then 40 ms more.
      const deadline = performance.now() + 20_000;
      while (Atomics.load(flag, 0) === 0 && performance.now() < deadline) spin(1);
      spin(40);
    });
    const ms = await waited;
    expect(ms).toBeGreaterThanOrEqual(30);
    expect(ms).toBeLessThan(5_000); // woken by the release, not by its own cap
    await (worker as Worker | null)?.terminate();
  });
});
