// better-sqlite3 is a native addon built for ONE runtime ABI. `npm start` rebuilds it for
// Electron's ABI; tests, browser mode and the benchmarks run under plain Node, so before them this
// script checks the addon loads in Node and otherwise rebuilds it for Node (`npm rebuild`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Whether better-sqlite3 loads and opens a database in this Node process; the error otherwise. */
const probe = () => {
  // A child process, because a failed dlopen cannot be retried in the same process after rebuilding.
  const script = "const D=require('better-sqlite3');new D(':memory:').prepare('select 1').get();";
  const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  return result.status === 0
    ? null
    : (result.stderr.split('\n').find((line) => /Error|NODE_MODULE_VERSION/.test(line)) ??
        'load failed');
};

export const ensureNodeAbi = () => {
  const problem = probe();
  if (problem === null) return;
  console.error(`better-sqlite3 does not load under Node ${process.version} (${problem.trim()}).`);
  console.error('It was probably built for Electron by `npm start`; rebuilding it for Node...');
  // Debian's Node ships its headers in /usr/include/node; building against them needs no download.
  const env = existsSync('/usr/include/node/node.h')
    ? { ...process.env, npm_config_nodedir: '/usr' }
    : process.env;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const rebuild = spawnSync(npm, ['rebuild', 'better-sqlite3'], {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const after = probe();
  if (rebuild.status !== 0 || after !== null) {
    console.error(`Rebuilding better-sqlite3 for Node failed${after ? `: ${after}` : ''}.`);
    process.exit(1);
  }
  console.error('better-sqlite3 rebuilt for Node.');
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureNodeAbi();
