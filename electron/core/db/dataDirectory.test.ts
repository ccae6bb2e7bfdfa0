// The till's data folder holds PIN hashes and the sync token: it is created owner-only (0700) and
// an existing folder of ours with the default mode is tightened; shared sticky folders are not.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataDirectory } from './dataDirectory';
import { openTillCore } from '../tillCore';

const modeOf = (dir: string): number => statSync(dir).mode & 0o7777;
let root = '';

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pos-datadir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('makeDataDirectory', () => {
  it('creates a new data folder (and its missing parents) 0700, whatever the umask allows', () => {
    const previous = process.umask(0o022);
    try {
      const dir = path.join(root, 'a', 'b', 'data');
      makeDataDirectory(dir);
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(path.join(root, 'a'))).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing folder of ours left with the default 0755', () => {
    const dir = path.join(root, 'old');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    makeDataDirectory(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('leaves a shared sticky folder (like /tmp) as it is', () => {
    const dir = path.join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    makeDataDirectory(dir);
    expect(modeOf(dir)).toBe(0o1777);
  });

  it('is what the till core opens its data folder with', () => {
    const dir = path.join(root, 'till');
    const core = openTillCore({ dataDir: dir, log: () => undefined });
    try {
      expect(modeOf(dir)).toBe(0o700);
    } finally {
      core.close();
    }
  });
});
