// A sync-service process (gateway or warehouse consumer) started as a child so the fault suite
// can SIGKILL it, stop it gracefully, or start another, and read its peak memory. Its whole output
// also goes to a log file as it is written, so a scenario that hangs until the test runner gives
// up (and never reaches its own clean-up) still leaves every process's last words behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** The file this process's stdout, stderr and exit are appended to (when one was given). */
  logFile: string | null;
  exited: Promise<void>;
  output(): string;
  /** SIGTERM (graceful), SIGKILL after 15 s. */
  stop(): Promise<void>;
  kill(): Promise<void>;
  /** Peak resident set size so far (VmHWM), bytes; 0 once the process is gone. */
  peakRssBytes(): number;
}

export const startServiceProcess = (
  name: string,
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  logFile: string | null = null,
  timeoutMs = 90_000,
): Promise<ServiceProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: {
        ...process.env,
        LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let started = false;
    const record = (text: string): void => {
      if (!logFile) return;
      try {
        appendFileSync(logFile, text);
      } catch {
        // A log that cannot be written must not take the fault suite down with it.
      }
    };
    record(`==== ${name} pid ${String(child.pid)} started ${new Date().toISOString()}\n`);
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const alive = (): boolean => child.exitCode === null && child.signalCode === null;
    const handle: ServiceProcess = {
      name,
      child,
      logFile,
      exited,
      output: () => out,
      async stop() {
        if (alive()) child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(forced);
      },
      async kill() {
        if (alive()) child.kill('SIGKILL');
        await exited;
      },
      peakRssBytes() {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
          return kb ? Number(kb) * 1024 : 0;
        } catch {
          return 0;
        }
      },
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start in time:\n${out.slice(-3_000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      record(text);
      // Keep the tail only: a long run must not hold every log line in memory.
      out = (out + text).slice(-50_000);
      if (!started && ready.test(out)) {
        started = true;
        clearTimeout(timer);
        resolve(handle);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      record(`==== ${name} exited (${String(code ?? signal)}) ${new Date().toISOString()}\n`);
      clearTimeout(timer);
      if (!started)
        reject(
          new Error(
            `${name} exited (${String(code ?? signal)}) before it was ready:\n${out.slice(-3_000)}`,
          ),
        );
    });
  });
