// CPU time each part of the pipeline spends, read from /proc: on a shared machine the wall-clock
// rate depends on who else runs, but the CPU a line costs each process does not. The sum says what
// the pipeline would do on cores of its own.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

// Linux reports utime/stime in clock ticks, USER_HZ = 100 on every mainstream kernel.
const MS_PER_TICK = 10;

/** User + system CPU of a process (all its threads) in ms; 0 when it is gone or unreadable. */
export const cpuMsOf = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    // Fields after the ")" that closes the command name: utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
};

/** Postgres backends serving other sessions of the pool's database. */
export const postgresBackends = async (pool: pg.Pool): Promise<number[]> =>
  (
    await pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
  ).rows.map((r) => r.pid);

export type PidSource = () => number[] | Promise<number[]>;

/** CPU ms per part between start() and stop(); processes that appear meanwhile count from 0. */
export const cpuMeter = (parts: Record<string, PidSource>) => {
  const before = new Map<number, number>();
  return {
    async start(): Promise<void> {
      for (const source of Object.values(parts))
        for (const pid of await source()) before.set(pid, cpuMsOf(pid));
    },
    async stop(): Promise<Record<string, number>> {
      const spent: Record<string, number> = {};
      for (const [name, source] of Object.entries(parts)) {
        spent[name] = 0;
        for (const pid of await source())
          spent[name] += Math.max(0, cpuMsOf(pid) - (before.get(pid) ?? 0));
      }
      return spent;
    },
  };
};
