// Test support (like testSupport.ts beside it), shared with build/faults.
// Whether this machine lets the tests mount a small tmpfs (root, and a kernel that allows it):
// the disk-full and read-only tests need real ENOSPC/EROFS from a file system of their own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const canMountTmpfs = (): boolean => {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'pos-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * Unmounts a test tmpfs and removes its mount point. Await the till core's closed() first; the
 * retries cover anything else that still holds a file there for a moment (EBUSY).
 */
export const unmountTmpfs = async (dir: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      break;
    } catch (e) {
      const stderr = String((e as { stderr?: unknown }).stderr ?? '');
      if (/not mounted|no mount point/i.test(stderr)) break;
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  rmSync(dir, { recursive: true, force: true });
};
