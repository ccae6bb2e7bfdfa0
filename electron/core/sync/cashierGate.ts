// Keeps the relay thread's write transactions out of the cashier's way. SQLite has one writer per
// database: a checkout write that finds the relay marking rows sent waits in SQLite's busy handler
// (sleeps of 1, 2, 5, 10 ms… on the main thread, the event loop blocked meanwhile). So the main
// thread raises this gate (a counter in shared memory) while a call runs its synchronous database
// work, and the relay, before each of its short status transactions, waits until the gate is down
// (woken at once by Atomics.notify, capped so a stream of calls cannot stall the backlog forever).
// A write then only ever meets a relay transaction that had already begun: at most ~1 ms of work.

/** The relay gives the cashier at most this long before it takes the write lock anyway. */
export const MAX_YIELD_MS = 50;

export interface CashierGate {
  /** Shared with the relay thread (passes through postMessage without a copy). */
  readonly buffer: SharedArrayBuffer;
  /** Runs `work` (synchronous database work of a call) with the gate raised. */
  hold<T>(work: () => T): T;
}

export const createCashierGate = (): CashierGate => {
  const buffer = new SharedArrayBuffer(4);
  const cell = new Int32Array(buffer);
  return {
    buffer,
    hold(work) {
      Atomics.add(cell, 0, 1);
      try {
        return work();
      } finally {
        if (Atomics.sub(cell, 0, 1) === 1) Atomics.notify(cell, 0);
      }
    },
  };
};

/**
 * Relay side: blocks this (worker) thread while the main thread holds the gate, up to `maxMs`.
 * Returns how long it waited.
 */
export const waitForCashier = (buffer: SharedArrayBuffer, maxMs = MAX_YIELD_MS): number => {
  const cell = new Int32Array(buffer);
  const start = performance.now();
  for (;;) {
    const holders = Atomics.load(cell, 0);
    if (holders === 0) return performance.now() - start;
    const left = maxMs - (performance.now() - start);
    if (left <= 0) return performance.now() - start;
    Atomics.wait(cell, 0, holders, left);
  }
};
