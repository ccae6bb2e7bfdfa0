// Gapless per-till counters. Bumped inside the caller's transaction, so a rolled-back sale gives
// its number back and the sequence never skips.
import type Database from 'better-sqlite3';

export type CounterName = 'outbox_seq' | 'receipt_seq';

export const countersRepo = (db: Database.Database) => {
  const bump = db.prepare<[string], { value: number }>(
    `INSERT INTO counters (name, value) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const read = db.prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?');
  const set = db.prepare<[string, number]>(
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  return {
    next: (name: CounterName): number => bump.get(name)!.value,
    current: (name: CounterName): number => read.get(name)?.value ?? 0,
    set: (name: CounterName, value: number): void => void set.run(name, value),
  };
};
export type CountersRepo = ReturnType<typeof countersRepo>;
