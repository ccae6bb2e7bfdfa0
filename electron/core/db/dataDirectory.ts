// Creates the till's data directory. Node's recursive mkdir reports a read-only or unwritable
// parent as ENOENT, which would read as "no such folder" when the truth is "cannot write here";
// the nearest existing ancestor is asked instead, so the caller sees EROFS or EACCES.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const makeDataDirectory = (dir: string): void => {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let ancestor = dirname(dir);
    while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    accessSync(ancestor, constants.W_OK); // throws the real reason (EROFS, EACCES)
    throw e;
  }
};
