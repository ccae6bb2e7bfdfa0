// Starts the real browser-mode host (`electron/host/serveCli.ts`) as a child process on a free
// port with its own data directory, waits for the one stdout line that gives its launch URL and
// redeems it for the session cookie (open the page with openTillPage(page, host.session)).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { redeemLaunchUrl, type TillSession } from '../../build/test/tillLaunch';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 90_000;

export interface HostProcess {
  origin: string;
  /** The redeemed session: `cookie` for Node calls, `session` for openTillPage. */
  session: TillSession;
  cookie: string;
  /** Everything the host wrote to stderr, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

export const startHost = (dataDir: string): Promise<HostProcess> =>
  new Promise((resolve, reject) => {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['electron/host/serveCli.ts', '--port', '0', '--data-dir', dataDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, POS_DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    };
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      void stop();
      reject(new Error(`${message}\n--- host stderr ---\n${stderr}`));
    };
    const timer = setTimeout(
      () => fail(`The host did not start within ${STARTUP_MS} ms.`),
      STARTUP_MS,
    );
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      redeemLaunchUrl(match[1]!).then(
        (session) =>
          resolve({
            origin: session.origin,
            session,
            cookie: session.cookieHeader,
            log: () => stderr,
            stop,
          }),
        (error: unknown) => {
          void stop();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    child.once('exit', (code) => fail(`The host exited early with code ${code}.`));
  });
