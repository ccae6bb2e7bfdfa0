// Creates the till's data directory, readable by its owner only (0700): it holds the PIN hashes,
// the till's sync token and every sale. A folder left by an older version with the default mode
// (0755) is tightened when it is ours. Node's recursive mkdir reports a read-only or unwritable
// parent as ENOENT, which would read as "no such folder" when the truth is "cannot write here";
// the nearest existing ancestor is asked instead, so the caller sees EROFS or EACCES.
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const DATA_DIRECTORY_MODE = 0o700;
const STICKY_BIT = 0o1000;

/**
 * Removes group and other access from an existing folder we own. A sticky folder (/tmp and the
 * like) is shared by design and is left alone, even when we own it (root).
 */
const tightenExisting = (dir: string): void => {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return;
  const stat = statSync(dir);
  if (!stat.isDirectory() || stat.uid !== process.getuid()) return;
  if ((stat.mode & STICKY_BIT) !== 0) return;
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, stat.mode & 0o7700);
};

export const makeDataDirectory = (dir: string): void => {
  try {
    // The mode applies to every folder created on the way; the umask can only take bits away.
    mkdirSync(dir, { recursive: true, mode: DATA_DIRECTORY_MODE });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let ancestor = dirname(dir);
    while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    accessSync(ancestor, constants.W_OK); // throws the real reason (EROFS, EACCES)
    throw e;
  }
  tightenExisting(dir);
};
