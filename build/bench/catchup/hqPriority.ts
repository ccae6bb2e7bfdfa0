// Stands in for "HQ runs on another machine" in the catch-up bench: while the checkout is timed
// during the drain, every thread of the HQ-side processes (the sync service child, the Postgres
// backends serving the bench's database, the Kafka broker) runs at a lower CPU priority, so the
// till (its threads and Chromium) gets the CPU first, as it would with HQ elsewhere. HQ still
// uses every idle cycle. Priorities are put back afterwards (Kafka and Postgres are shared).
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import type pg from 'pg';

export interface HqPriority {
  /** Lowers the processes' threads now, and any new thread or backend every 500 ms. */
  lower(): void;
  /**
   * Puts every thread it lowered back to its previous nice value. Returns how many it could not
   * (raising a priority needs root or CAP_SYS_NICE; a thread that ended needs nothing).
   */
  restore(): number;
  /** What was lowered, for the bench's output. */
  summary(): string;
}

const threadsOf = (pid: number): number[] => {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return []; // gone, or not Linux
  }
};

const alive = (pid: number): boolean => threadsOf(pid).length > 0;

export const kafkaPid = (pidFile: string): number | null => {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
};

export const createHqPriority = (opts: {
  nice: number;
  syncServicePid: () => number | null;
  kafkaPid: number | null;
  /** A pool on the bench's database: its backends' pids come from pg_stat_activity. */
  pool: pg.Pool;
  database: string;
}): HqPriority => {
  const previous = new Map<number, number>(); // thread id -> nice before
  const processes = { syncService: 0, postgresBackends: new Set<number>(), kafka: 0 };
  let timer: NodeJS.Timeout | null = null;
  let active = false;
  let failures = 0;

  const lowerProcess = (pid: number): number => {
    let n = 0;
    for (const tid of threadsOf(pid)) {
      if (previous.has(tid)) continue;
      try {
        const before = getPriority(tid);
        if (before >= opts.nice) continue;
        setPriority(tid, opts.nice);
        previous.set(tid, before);
        n++;
      } catch {
        failures++; // a thread that ended between listing and renicing, or no permission
      }
    }
    return n;
  };

  const backends = async (): Promise<number[]> => {
    const r = await opts.pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [opts.database],
    );
    return r.rows.map((x) => x.pid);
  };

  const pass = async (): Promise<void> => {
    if (!active) return;
    const sync = opts.syncServicePid();
    if (sync !== null) processes.syncService += lowerProcess(sync);
    if (opts.kafkaPid !== null) processes.kafka += lowerProcess(opts.kafkaPid);
    const pids = await backends().catch(() => []);
    if (!active) return; // restored while the query ran
    for (const pid of pids) {
      lowerProcess(pid);
      processes.postgresBackends.add(pid);
    }
  };

  return {
    lower() {
      active = true;
      void pass();
      timer ??= setInterval(() => void pass(), 500);
    },
    restore() {
      active = false;
      if (timer) clearInterval(timer);
      timer = null;
      let stuck = 0;
      for (const [tid, nice] of previous) {
        try {
          setPriority(tid, nice);
        } catch {
          if (threadsOf(tid).length > 0) stuck++; // still there: no permission to raise it
        }
      }
      previous.clear();
      return stuck;
    },
    summary: () =>
      `nice ${opts.nice} while the draining scans ran: sync service (${processes.syncService} threads), ` +
      `${processes.postgresBackends.size} Postgres backends of the bench database, ` +
      (opts.kafkaPid === null
        ? 'Kafka broker not found (left as is)'
        : `Kafka broker (${processes.kafka} threads)`) +
      (failures > 0 ? `; ${failures} threads could not be reniced` : ''),
  };
};
