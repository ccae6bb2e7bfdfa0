// Consecutive wrong PINs per subject (table pin_failures): 'user:<id>' at sign-in, 'owner-pin'
// for owner approvals, 'unknown-user' for sign-ins naming no user. Kept in SQLite so a restart
// does not reset a lockout.
import type Database from 'better-sqlite3';

export interface PinFailureRow {
  subject: string;
  failures: number;
  lockedUntil: number;
  lastFailedAt: number;
}

export const pinFailuresRepo = (db: Database.Database) => {
  const get = db.prepare<[string], PinFailureRow>(
    `SELECT subject, failures, locked_until AS lockedUntil, last_failed_at AS lastFailedAt
     FROM pin_failures WHERE subject = ?`,
  );
  const upsert = db.prepare<[string, number, number, number]>(
    `INSERT INTO pin_failures (subject, failures, locked_until, last_failed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures,
       locked_until = excluded.locked_until, last_failed_at = excluded.last_failed_at`,
  );
  const clear = db.prepare<[string]>('DELETE FROM pin_failures WHERE subject = ?');
  return {
    get: (subject: string): PinFailureRow | null => get.get(subject) ?? null,
    save: (r: PinFailureRow): void =>
      void upsert.run(r.subject, r.failures, r.lockedUntil, r.lastFailedAt),
    clear: (subject: string): void => void clear.run(subject),
  };
};
export type PinFailuresRepo = ReturnType<typeof pinFailuresRepo>;
