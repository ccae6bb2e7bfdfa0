// Command-line and environment options of `npm run serve` (browser mode), parsed without side
// effects so they can be tested.
import path from 'node:path';

export const DEFAULT_PORT = 5174;

export interface ServeArgs {
  port: number;
  dataDir: string;
  distDir: string;
  demo: boolean;
}

export type ServeArgsResult = { ok: true; args: ServeArgs } | { ok: false; message: string };

export const SERVE_USAGE =
  'Usage: npm run serve -- [--port <n>] [--data-dir <dir>] [--dist-dir <dir>] [--demo]\n' +
  `  --port      TCP port on 127.0.0.1 (0 = any free port; env POS_PORT; default ${DEFAULT_PORT})\n` +
  '  --data-dir  till data directory (env POS_DATA_DIR; default ./.pos-data)\n' +
  '  --dist-dir  built renderer (default renderer/dist)\n' +
  '  --demo      on a fresh data directory, create the demo shop (owner PIN 123456)';

const parsePort = (text: string): number | null => {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65_535 ? port : null;
};

export const parseServeArgs = (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: { cwd: string; distDir: string },
): ServeArgsResult => {
  const values = new Map<string, string>();
  let demo = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--demo') {
      demo = true;
      continue;
    }
    const match = /^--(port|data-dir|dist-dir)(?:=(.*))?$/.exec(arg);
    if (!match) return { ok: false, message: `Unknown argument "${arg}".\n${SERVE_USAGE}` };
    const name = match[1] ?? '';
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined || value === '')
      return { ok: false, message: `--${name} needs a value.\n${SERVE_USAGE}` };
    values.set(name, value);
  }
  const portText = values.get('port') ?? env.POS_PORT ?? String(DEFAULT_PORT);
  const port = parsePort(portText);
  if (port === null) return { ok: false, message: `Invalid port "${portText}": use 0 to 65535.` };
  const dataDir = path.resolve(
    defaults.cwd,
    values.get('data-dir') ?? env.POS_DATA_DIR ?? '.pos-data',
  );
  const distDir = path.resolve(defaults.cwd, values.get('dist-dir') ?? defaults.distDir);
  return { ok: true, args: { port, dataDir, distDir, demo } };
};
