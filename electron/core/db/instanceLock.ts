// One till core per data directory. Two processes writing the same SQLite file through separate
// sequence counters would hand out duplicate receipt numbers and outbox seqs, so a second
// instance is refused. The lock is an exclusive SQLite lock on a small database of its own
// (till-instance.lock), held by an open connection for the core's lifetime: the operating system
// drops it when the process dies, however it dies (power cut, kill -9), so nothing is ever stale.
// The pid-file lock this replaces refused to start after a reboot whenever the recorded pid had
// been reused by another process, or by the till itself.
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/result';

export const INSTANCE_LOCK_FILE = 'till-instance.lock';
/** The pid file of earlier builds; a leftover one means nothing and is removed. */
const LEGACY_LOCK_FILE = 'till.lock';
/** Where SQLite keeps user_version in the database header (4 bytes, big-endian). */
const USER_VERSION_OFFSET = 60;

export interface InstanceLock {
  path: string;
  release(): void;
}

/**
 * The pid the holder wrote into the lock database's user_version, read straight from the file
 * header: SQLite itself cannot read a database another connection holds exclusively, but its
 * lock bytes lie far beyond the header, so a plain read works. Only for the message, never for
 * deciding whether the lock is free.
 */
const holderPid = (path: string): number | null => {
  try {
    const fd = openSync(path, 'r');
    try {
      const header = Buffer.alloc(4);
      const read = readSync(fd, header, 0, 4, USER_VERSION_OFFSET);
      const pid = read === 4 ? header.readInt32BE(0) : 0;
      return pid > 0 ? pid : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
};

const isBusy = (e: unknown): boolean =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown } | null)?.code ?? ''));

export const acquireInstanceLock = (dataDir: string): InstanceLock => {
  const path = join(dataDir, INSTANCE_LOCK_FILE);
  // Created through fs first so a read-only or full folder fails with its errno (EROFS, ENOSPC),
  // which the core turns into a message a cashier can act on.
  closeSync(openSync(path, 'a'));
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes SQLite's EXCLUSIVE lock; in this locking mode it is kept until the
    // connection closes. Any other connection, in this process or another, now gets SQLITE_BUSY.
    db.pragma(`user_version = ${process.pid}`);
  } catch (e) {
    db.close();
    if (!isBusy(e)) throw e;
    const holder = holderPid(path);
    if (holder === process.pid) {
      throw new AppFailure('CONFLICT', `This process already has the till open on ${dataDir}.`);
    }
    throw new AppFailure(
      'CONFLICT',
      `Another till is already running on ${dataDir}${holder === null ? '' : ` (pid ${holder})`}. Close it first; two tills on one data folder would corrupt the sales record.`,
    );
  }
  try {
    rmSync(join(dataDir, LEGACY_LOCK_FILE), { force: true });
  } catch {
    /* only tidying: a leftover pid file no longer blocks anything */
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      // Closing drops the lock. The file stays: removing it could let a third process lock a
      // fresh file while a second still holds the unlinked one.
      db.close();
    },
  };
};
