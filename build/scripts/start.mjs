// `npm start`: the desktop app when Electron's binary is installed, browser mode otherwise, so
// `npm install && npm start` always ends in a working till.
//
// ABI note: better-sqlite3 is native. Before launching Electron this script rebuilds it for
// Electron's ABI (electron-builder install-app-deps); `npm test`, `npm run serve` and browser mode
// run build/scripts/ensureNodeAbi.mjs first, which rebuilds it for Node again when needed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeAbi } from './ensureNodeAbi.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const isWindows = process.platform === 'win32';
const bin = (name) => path.join(root, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);

/**
 * The Electron executable, or null when it is not installed. Read from the electron package's
 * path.txt rather than `require('electron')`, which would try to download the binary right now.
 */
const electronExecutable = () => {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const executable = path.join(distDir, relative);
  return relative !== '' && existsSync(executable) ? executable : null;
};

const run = (command, commandArgs, env = process.env) => {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env,
    shell: isWindows,
  });
  if (result.status !== 0) {
    console.error(`\`${path.basename(command)} ${commandArgs.join(' ')}\` failed.`);
    process.exit(result.status ?? 1);
  }
};

/** Launches a long-running child and mirrors its exit. */
const handOver = (command, commandArgs, env) => {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env, shell: isWindows });
  // Ctrl-C already reaches the child through the terminal's process group: just wait for it.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
};

/** Rebuilds better-sqlite3 for Electron, unless the addon on disk is the one built for it last time. */
const ensureElectronAbi = () => {
  const addon = path.join(
    root,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  const stampFile = path.join(root, 'build', '.cache', 'better-sqlite3.electron-stamp');
  const stampOf = () => {
    if (!existsSync(addon)) return '';
    const { size, mtimeMs } = statSync(addon);
    return `${size}:${mtimeMs}`;
  };
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stampOf()) return;
  console.log(
    'Rebuilding better-sqlite3 for Electron (`npm test` rebuilds it for Node afterwards)...',
  );
  run(bin('electron-builder'), ['install-app-deps']);
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, stampOf());
};

const executable = electronExecutable();

if (executable) {
  run('npm', ['run', 'build:renderer']);
  run('npm', ['run', 'build:electron']);
  ensureElectronAbi();
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node
  handOver(executable, [root, ...args], env);
} else {
  console.log(
    [
      "Electron's binary is not installed (it cannot be downloaded on this machine). Starting browser mode instead:",
      'the same till, served to your browser on 127.0.0.1 only, guarded by a per-launch token.',
      'To get the desktop app, on a machine with internet access run `npx install-electron` in this folder',
      '(or copy node_modules/electron/dist and path.txt from such a machine), then `npm start` again.',
      'Options: `npm start -- --demo` loads the demo shop; `--port <n>` and `--data-dir <dir>` as for `npm run serve`.',
      '',
    ].join('\n'),
  );
  run('npm', ['run', 'build:renderer']);
  ensureNodeAbi();
  handOver(bin('tsx'), [path.join('electron', 'host', 'serveCli.ts'), ...args], process.env);
}
