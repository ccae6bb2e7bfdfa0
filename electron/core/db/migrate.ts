// Numbered migrations, applied in one transaction. Which ones ran is recorded in the
// schema_migrations table (version, name, applied_at), not inferred from PRAGMA user_version:
// "run everything above user_version" silently skipped a new migration numbered below the newest
// one (a 30 added after 500). A known migration that is not recorded but is numbered below the
// newest recorded one is therefore refused with a message naming it, as is a recorded version this
// build does not know. user_version still carries the newest applied version, so a database written
// by a newer app version is refused (untouched) rather than guessed at, by this and older builds.
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * The versions shipped while user_version was the only record. A database without the
 * schema_migrations table has applied exactly those of them up to its user_version; a migration
 * added later is never assumed to have run.
 */
const VERSIONS_BEFORE_APPLIED_TABLE: readonly number[] = [10, 20, 500, 510, 520, 530];

export const latestVersion = (migrations: readonly Migration[] = MIGRATIONS): number =>
  migrations.reduce((v, m) => Math.max(v, m.version), 0);

export const currentVersion = (db: Database.Database): number =>
  db.pragma('user_version', { simple: true }) as number;

const storageError = (message: string): AppFailure => new AppFailure('STORAGE_ERROR', message);

const sortedWithoutDuplicates = (migrations: readonly Migration[]): Migration[] => {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (i > 0 && m.version === ordered[i - 1]!.version) {
      throw new Error(`Two migrations share version ${m.version}.`);
    }
  });
  return ordered;
};

const hasAppliedTable = (db: Database.Database): boolean =>
  db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get() !== undefined;

/** Creates the record on a database that predates it, filled from its user_version. */
const createAppliedTable = (
  db: Database.Database,
  ordered: readonly Migration[],
  from: number,
  now: number,
): void => {
  db.exec(`CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  if (from === 0) return;
  if (!VERSIONS_BEFORE_APPLIED_TABLE.includes(from) || !ordered.some((m) => m.version === from)) {
    throw storageError(`Unknown database schema version ${from}.`);
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of ordered) {
    if (m.version <= from && VERSIONS_BEFORE_APPLIED_TABLE.includes(m.version)) {
      record.run(m.version, m.name, now);
    }
  }
};

/** The known migrations still to run, or a clear refusal when running them would skip or reorder. */
const pendingMigrations = (db: Database.Database, ordered: readonly Migration[]): Migration[] => {
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const unknown = [...applied].filter((v) => !ordered.some((m) => m.version === v));
  if (unknown.length > 0) {
    throw storageError(
      `This database has migration ${unknown.join(', ')} applied, which this app does not know. Update the app; the data was left untouched.`,
    );
  }
  const newest = ordered.filter((m) => applied.has(m.version)).at(-1);
  const pending = ordered.filter((m) => !applied.has(m.version));
  const skipped = newest ? pending.filter((m) => m.version < newest.version) : [];
  if (skipped.length > 0 && newest) {
    const names = skipped.map((m) => `${m.version} (${m.name})`).join(', ');
    throw storageError(
      `Migration ${names} has not run on this database but is numbered below ${newest.version} (${newest.name}), ` +
        `the newest one it has: migrations run in number order, so a gap or a reordering would leave it out. ` +
        `Number a new migration above ${newest.version}; the data was left untouched.`,
    );
  }
  return pending;
};

export const migrate = (
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): { from: number; to: number } => {
  const ordered = sortedWithoutDuplicates(migrations);
  const from = currentVersion(db);
  const to = latestVersion(ordered);
  if (from > to) {
    throw storageError(
      `This database was written by a newer version of the app (schema ${from}, this app knows up to ${to}). Update the app; the data was left untouched.`,
    );
  }
  db.transaction(() => {
    const at = now();
    if (!hasAppliedTable(db)) createAppliedTable(db, ordered, from, at);
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    for (const m of pendingMigrations(db, ordered)) {
      m.up(db);
      record.run(m.version, m.name, at);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to };
};
