// Command-line options of `npm run simulate`, checked up front with clear messages.
import { cpus, tmpdir } from 'node:os';
import { existsSync } from 'node:fs';

export interface SimulatorArgs {
  stores: number;
  tills: number;
  days: number;
  seed: number;
  /** Sales per real second per till; 0 = as fast as the tills can ring. */
  rate: number;
  /** Stop ringing after this many real seconds (0: when the days are done). */
  duration: number;
  products: number;
  workers: number;
  syncUrl: string | null;
  adminToken: string;
  dataDir: string | null;
  out: string | null;
  keepDb: boolean;
}

export const SIMULATOR_USAGE = `usage: npm run simulate -- --stores N --tills M --days D [--seed S] [--rate X]
    [--sync-url U --admin-token T] [--duration SEC] [--products P] [--workers W]
    [--data-dir DIR] [--out FILE] [--keep-db]
  --rate X      sales per real second per till (default 0: as fast as the tills ring)
  --sync-url U  the HQ to fill, e.g. http://127.0.0.1:8787 (default: $SYNC_URL); without either a
                throwaway sync service is started on a fresh database and dropped at the end
  --workers W   till worker processes (default: number of CPUs); tills share them`;

export class ArgsError extends Error {}

const DEFAULT_TOKEN = process.env.SYNC_ADMIN_TOKEN ?? 'dev-admin-token';

export const defaultDataRoot = (): string => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

export const parseSimulatorArgs = (argv: readonly string[]): SimulatorArgs => {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new ArgsError(`unexpected argument "${a}"`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'keep-db' || name === 'help') {
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ArgsError(`--${name} needs a value`);
    values.set(name, value);
  }
  if (flags.has('help')) throw new ArgsError('');
  const known = ['stores', 'tills', 'days', 'seed', 'rate', 'duration', 'products', 'workers'];
  const other = ['sync-url', 'admin-token', 'data-dir', 'out'];
  for (const name of values.keys())
    if (!known.includes(name) && !other.includes(name))
      throw new ArgsError(`unknown option --${name}`);
  const num = (name: string, fallback: number | null, min: number, max: number): number => {
    const raw = values.get(name);
    if (raw === undefined) {
      if (fallback === null) throw new ArgsError(`--${name} is required`);
      return fallback;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new ArgsError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const int = (name: string, fallback: number | null, min: number, max: number): number => {
    const n = num(name, fallback, min, max);
    if (!Number.isInteger(n)) throw new ArgsError(`--${name} must be a whole number`);
    return n;
  };
  const syncUrl = values.get('sync-url') ?? (process.env.SYNC_URL || null);
  if (syncUrl !== null && !/^https?:\/\/\S+$/.test(syncUrl))
    throw new ArgsError(`--sync-url must be an http(s) URL, got "${syncUrl}"`);
  return {
    stores: int('stores', null, 1, 10_000),
    tills: int('tills', null, 1, 50),
    days: int('days', null, 1, 3_650),
    seed: int('seed', 42, 0, 2 ** 31),
    rate: num('rate', 0, 0, 1_000),
    duration: num('duration', 0, 0, 86_400),
    products: int('products', 332, 1, 332),
    workers: int('workers', Math.max(1, cpus().length), 1, 256),
    syncUrl: syncUrl?.replace(/\/$/, '') ?? null,
    adminToken: values.get('admin-token') ?? DEFAULT_TOKEN,
    dataDir: values.get('data-dir') ?? null,
    out: values.get('out') ?? null,
    keepDb: flags.has('keep-db'),
  };
};
