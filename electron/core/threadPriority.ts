// Background threads of the till (the outbox relay, the WAL checkpointer) yield the CPU to the
// cashier: each lowers its own scheduling priority, so on a busy or small machine the main
// thread (checkout calls) and the UI win every contended time slice and the backlog simply
// drains a little slower. Linux keeps a nice value per thread (setpriority on a thread id), so
// this lowers only the calling worker thread. Elsewhere there is no portable per-thread nice
// (the same call would slow the whole app), so it does nothing there and says so.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Nice value of the till's background threads: ~1/10 of a normal thread's CPU weight. */
export const BACKGROUND_NICE = 10;

/** This thread's kernel id on Linux (the task under /proc/<pid>/task), else null. */
export const currentThreadId = (): number | null => {
  try {
    const m = /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
};

export type PriorityOutcome =
  { lowered: true; threadId: number; nice: number } | { lowered: false; reason: string };

/** Raises this thread's nice value to `nice` (never lowers an already lower priority). */
export const lowerThisThreadPriority = (nice = BACKGROUND_NICE): PriorityOutcome => {
  const threadId = currentThreadId();
  if (threadId === null || threadId === process.pid)
    // No thread id, or we are the process's main thread: renicing would slow the cashier too.
    return { lowered: false, reason: 'no per-thread priority on this platform' };
  try {
    const current = getPriority(threadId);
    if (current >= nice) return { lowered: true, threadId, nice: current };
    setPriority(threadId, nice);
    return { lowered: true, threadId, nice: getPriority(threadId) };
  } catch (e) {
    return { lowered: false, reason: e instanceof Error ? e.message : String(e) };
  }
};
