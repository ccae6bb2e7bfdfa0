// Numbered migrations (steps of 10), applied in one transaction and tracked in
// PRAGMA user_version. A database written by a newer app version is refused rather than guessed at.
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/result';
import { MIGRATIONS, type Migration } from './migrations';

export const latestVersion = (migrations: readonly Migration[] = MIGRATIONS): number =>
  migrations.reduce((v, m) => Math.max(v, m.version), 0);

export const currentVersion = (db: Database.Database): number =>
  db.pragma('user_version', { simple: true }) as number;

export const migrate = (
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } => {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (i > 0 && m.version === ordered[i - 1]!.version) {
      throw new Error(`Two migrations share version ${m.version}.`);
    }
  });
  const from = currentVersion(db);
  const to = latestVersion(ordered);
  if (from > to) {
    throw new AppFailure(
      'STORAGE_ERROR',
      `This database was written by a newer version of the app (schema ${from}, this app knows up to ${to}). Update the app; the data was left untouched.`,
    );
  }
  if (from > 0 && !ordered.some((m) => m.version === from)) {
    throw new AppFailure('STORAGE_ERROR', `Unknown database schema version ${from}.`);
  }
  const pending = ordered.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to };
};
