// Applies sync-service/migrations/NNNN_name.sql in number order, each file in its own
// transaction, recording it in schema_migrations. Stops with a message naming the file where
// running on would silently skip or reorder schema changes: an applied file this build does not
// have (applied by a newer build, or renamed/removed), or a known file that has not
// run but is numbered below the newest applied one (a gap, or a new file given a low number). There
// are no reserved number ranges: a new migration takes the next number above the newest file. A
// session advisory lock lets several processes start at once (gateway, consumers) without racing
// to apply the same file.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Arbitrary but fixed: the lock key every sync-service process uses for migrations.
const ADVISORY_LOCK_KEY = 72_210_001;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrateOptions {
  dir?: string;
  log?: (message: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function listMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir);
  const files = entries.filter((name) => name.endsWith('.sql'));
  const bad = files.filter((name) => !FILE_NAME.test(name));
  if (bad.length > 0)
    throw new MigrationError(`migration file names must be NNNN_name.sql: ${bad.join(', ')}`);
  const sorted = files.sort();
  const numbers = sorted.map((name) => name.slice(0, 4));
  const dup = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (dup !== undefined) throw new MigrationError(`two migration files share the number ${dup}`);
  return sorted;
}

/**
 * The known files still to run, in order. Throws when running them would leave one out or run
 * them out of order.
 */
export function pendingMigrations(known: readonly string[], applied: readonly string[]): string[] {
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `database has migration ${unknown.join(', ')} applied, which this build does not have ` +
        '(a newer build ran it, or the file was renamed or removed); refusing to start',
    );
  }
  const newest = [...applied].sort().at(-1);
  const pending = known.filter((name) => !applied.includes(name));
  const skipped = newest === undefined ? [] : pending.filter((name) => name < newest);
  if (newest !== undefined && skipped.length > 0) {
    throw new MigrationError(
      `migration ${skipped.join(', ')} has not run on this database but is numbered below ` +
        `${newest}, the newest one applied; migrations run in number order, so a gap or a ` +
        `reordering would leave it out. Number a new migration above ${newest.slice(0, 4)}`,
    );
  }
  return pending;
}

export async function migrate(pool: Pool, options: MigrateOptions = {}): Promise<MigrateResult> {
  const dir = options.dir ?? MIGRATIONS_DIR;
  const known = await listMigrationFiles(dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name',
      );
      const applied = rows.map((r) => r.name);
      const pending = pendingMigrations(known, applied);
      for (const name of pending) {
        const sql = await readFile(path.join(dir, name), 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(`migration ${name} failed: ${reason}`);
        }
        options.log?.(`applied migration ${name}`);
      }
      return { applied: pending, alreadyApplied: applied.length };
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY])
        .catch(() => undefined);
    }
  } finally {
    client.release();
  }
}
