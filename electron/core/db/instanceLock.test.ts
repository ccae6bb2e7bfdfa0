import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillCore } from '../tillCore';

let dir: string;
const children: ChildProcess[] = [];
const holders: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-lock-'));
});
afterEach(() => {
  for (const pid of holders.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const tillCoreModule = fileURLToPath(new URL('../tillCore.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const openHere = () => openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: false } });

/** Runs a second process that tries to open the same data directory and reports what happened. */
const secondInstance = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const script = `
      import { openTillCore } from ${JSON.stringify(tillCoreModule)};
      try { const c = openTillCore({ dataDir: ${JSON.stringify(dir)}, log: () => {}, sync: { autoStart: false } }); c.close(); console.log('OPENED'); }
      catch (e) { console.log('REFUSED ' + e.message); }
      process.exit(0);
    `;
    const child = spawn(tsx, ['--eval', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(out.trim()));
  });

/** Starts a process that opens the till and keeps it open; resolves with that process's pid. */
const holdingInstance = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const script = `
      import { openTillCore } from ${JSON.stringify(tillCoreModule)};
      openTillCore({ dataDir: ${JSON.stringify(dir)}, log: () => {}, sync: { autoStart: false } });
      console.log('HOLDING ' + process.pid);
      setInterval(() => {}, 60_000);
    `;
    const child = spawn(tsx, ['--eval', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const held = /HOLDING (\d+)/.exec(out);
      if (held) {
        holders.push(Number(held[1]));
        resolve(Number(held[1]));
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', () => reject(new Error(`holder exited: ${out}`)));
  });

/** Waits (up to 10 s) for the process to be gone; the lock itself is the assertion after. */
const waitUntilGone = async (pid: number): Promise<void> => {
  for (let waited = 0; waited < 10_000; waited += 20) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('one till per data directory', () => {
  it('refuses a second process while the first has it open, and allows it after close', async () => {
    const core = openHere();
    const refused = await secondInstance();
    expect(refused).toMatch(/^REFUSED Another till is already running/);
    expect(refused).toContain(String(process.pid));
    core.close();
    expect(await secondInstance()).toBe('OPENED');
  }, 60_000);

  it('takes over a stale lock left by a dead process', () => {
    writeFileSync(join(dir, 'till.lock'), '999999999\n');
    const core = openHere();
    core.close();
  });

  // After a reboot the pid an old lock file names may belong to any live process.
  it('starts when a leftover lock file names a live unrelated process, or this one', () => {
    for (const pid of [process.ppid, 1, process.pid]) {
      writeFileSync(join(dir, 'till.lock'), `${pid}\n`);
      const core = openHere();
      core.close();
    }
  });

  it('refuses a second open in the same process', () => {
    const core = openHere();
    try {
      expect(openHere).toThrow(/This process already has the till open/);
    } finally {
      core.close();
    }
  });

  it('is free again the moment the holding process is killed with SIGKILL', async () => {
    const holder = await holdingInstance();
    expect(openHere).toThrow(
      new RegExp(`Another till is already running on .* \\(pid ${holder}\\)`),
    );
    process.kill(holder, 'SIGKILL');
    await waitUntilGone(holder);
    const core = openHere();
    core.close();
  }, 60_000);
});
