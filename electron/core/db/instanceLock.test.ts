import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillCore } from '../tillCore';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tillCoreModule = fileURLToPath(new URL('../tillCore.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

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

describe('one till per data directory', () => {
  it('refuses a second process while the first has it open, and allows it after close', async () => {
    const core = openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: false } });
    const refused = await secondInstance();
    expect(refused).toMatch(/^REFUSED Another till is already running/);
    expect(refused).toContain(String(process.pid));
    core.close();
    expect(await secondInstance()).toBe('OPENED');
  }, 60_000);

  it('takes over a stale lock left by a dead process', () => {
    writeFileSync(join(dir, 'till.lock'), '999999999\n');
    const core = openTillCore({ dataDir: dir, log: () => {}, sync: { autoStart: false } });
    core.close();
  });
});
