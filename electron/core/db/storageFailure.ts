// The ways a disk refuses the till (full, read-only, busy, broken) arrive as SQLite result codes
// from better-sqlite3 or as errno codes from Node's fs. Each becomes one AppFailure with code
// STORAGE_ERROR and a message that tells the cashier what happened and what to do, so a full or
// read-only disk is never a raw EROFS / SQLITE_FULL crash. SQLite rolls the failed transaction
// back, so "nothing was saved" is the truth, not a hope.
import { AppFailure } from '../../../shared/result';

type StorageTrouble = 'full' | 'read-only' | 'busy' | 'broken';

const SQLITE: readonly [RegExp, StorageTrouble][] = [
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_(READONLY|PERM|AUTH)/, 'read-only'],
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_(IOERR|CORRUPT|CANTOPEN|NOTADB|PROTOCOL)/, 'broken'],
];

const ERRNO: Readonly<Record<string, StorageTrouble>> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EBUSY: 'busy',
  EIO: 'broken',
  ENXIO: 'broken',
};

const troubleOf = (code: string): StorageTrouble | null => {
  if (code.startsWith('SQLITE_')) return SQLITE.find(([re]) => re.test(code))?.[1] ?? null;
  return ERRNO[code] ?? null;
};

const explain = (trouble: StorageTrouble, doing: string, code: string): string => {
  switch (trouble) {
    case 'full':
      return `The disk is full, so the till could not ${doing}. Nothing was saved. Free some disk space and try again.`;
    case 'read-only':
      return `The till's data folder cannot be written (it is read-only), so the till could not ${doing}. Nothing was saved. Check that the disk is mounted read-write and the folder is writable.`;
    case 'busy':
      return `The till database is busy (another program holds it), so the till could not ${doing}. Nothing was saved. Try again in a moment.`;
    case 'broken':
      return `The till database could not be read or written (${code}), so the till could not ${doing}. Nothing was saved. Check the disk.`;
  }
};

/** A STORAGE_ERROR failure for `e` when it is a disk or database-file problem, else null. */
export const storageFailureOf = (e: unknown, doing: string): AppFailure | null => {
  if (e instanceof AppFailure) return e.code === 'STORAGE_ERROR' ? e : null;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const trouble = troubleOf(code);
  if (!trouble) return null;
  return new AppFailure('STORAGE_ERROR', explain(trouble, doing, code), {
    cause: code,
    detail: e instanceof Error ? e.message : String(e),
  });
};
