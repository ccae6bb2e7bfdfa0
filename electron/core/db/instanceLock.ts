// One till core per data directory. Two processes writing the same SQLite file through separate
// sequence counters would hand out duplicate receipt numbers and outbox seqs, so a second
// instance is refused. The lock is a file created with O_EXCL holding the owner's pid; a lock
// whose pid no longer runs (crash, kill -9) is stale and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/result';

export interface InstanceLock {
  path: string;
  release(): void;
}

/** Whether a process with this pid exists (ours or another user's). */
export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else; still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = (path: string): number | null => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

export const acquireInstanceLock = (dataDir: string): InstanceLock => {
  const path = join(dataDir, 'till.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } catch (e) {
        // A full disk can create the file but not write the pid: leave no empty lock behind.
        closeSync(fd);
        unlinkSync(path);
        throw e;
      }
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          if (readOwner(path) === process.pid) unlinkSync(path);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(path);
      if (owner !== null && owner !== process.pid && isRunning(owner)) {
        throw new AppFailure(
          'CONFLICT',
          `Another till is already running on ${dataDir} (pid ${owner}). Close it first; two tills on one data folder would corrupt the sales record.`,
        );
      }
      if (owner === process.pid) {
        throw new AppFailure('CONFLICT', `This process already has the till open on ${dataDir}.`);
      }
      // Stale (dead pid or unreadable): remove and retry the exclusive create.
      try {
        unlinkSync(path);
      } catch {
        /* someone else removed it first; retry */
      }
    }
  }
  throw new AppFailure('CONFLICT', `Could not lock the data folder ${dataDir}.`);
};
