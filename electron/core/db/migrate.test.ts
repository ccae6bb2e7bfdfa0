import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillCore } from '../tillCore';
import { currentVersion, latestVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { DATABASE_FILE, openDatabase } from './openDatabase';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('builds a fresh database to the latest version with durable pragmas and STRICT tables', () => {
    const db = openDatabase(dir);
    expect(migrate(db)).toEqual({ from: 0, to: latestVersion() });
    expect(currentVersion(db)).toBe(latestVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const loose = db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'",
      )
      .all();
    expect(loose).toEqual([]);
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion() });
    db.close();
  });

  it('upgrades an older database and keeps its data', () => {
    const db = openDatabase(dir);
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(currentVersion(db)).toBe(10);
    db.prepare(
      "INSERT INTO products (id, sku, name, unit_price, tax_rate_bp, updated_at) VALUES ('p1', 'S1', 'Silk Kurta', 100, 500, 0)",
    ).run();
    expect(migrate(db)).toEqual({ from: 10, to: latestVersion() });
    expect(db.prepare('SELECT name FROM products').get()).toEqual({ name: 'Silk Kurta' });
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'sale_lines_by_product'").get(),
    ).toBeTruthy();
    db.close();
  });

  it('rolls back every step of a failing upgrade', () => {
    const db = openDatabase(dir);
    migrate(db, MIGRATIONS.slice(0, 1));
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 20,
        name: 'broken',
        up: (d: Database.Database) =>
          d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT nope FROM nowhere;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(10);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer version, untouched', () => {
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.pragma('user_version = 99999');
    raw.close();
    expect(() => openTillCore({ dataDir: dir, log: () => {} })).toThrow(/newer version of the app/);
    const again = new Database(join(dir, DATABASE_FILE));
    expect(again.pragma('user_version', { simple: true })).toBe(99999);
    again.close();
  });
});

describe('which migrations ran', () => {
  const addedLate = {
    version: 30,
    name: 'added_late',
    up: (d: Database.Database) => d.exec('CREATE TABLE added_late (x INTEGER) STRICT'),
  };

  it('records every applied migration with its name', () => {
    const db = openDatabase(dir);
    migrate(db, MIGRATIONS, () => 1_000);
    expect(
      db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all(),
    ).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: 1_000 })));
    db.close();
  });

  it('refuses a new migration numbered below the newest applied one on an existing till, naming it', () => {
    const db = openDatabase(dir);
    migrate(db);
    const newest = latestVersion();
    expect(currentVersion(db)).toBe(newest);
    expect(() => migrate(db, [...MIGRATIONS, addedLate])).toThrow(
      new RegExp(
        `Migration 30 \\(added_late\\) has not run on this database but is numbered below ${newest}`,
      ),
    );
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'added_late'").get(),
    ).toBeUndefined();
    expect(currentVersion(db)).toBe(newest);
    db.close();
  });

  it('backfills a till that predates the record from user_version, and still refuses the gap', () => {
    const db = openDatabase(dir);
    // A till written by a build that kept only user_version (those builds stopped at 530).
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 530),
    );
    db.exec('DROP TABLE schema_migrations');
    expect(() => migrate(db, [...MIGRATIONS, addedLate])).toThrow(/Migration 30 \(added_late\)/);
    expect(migrate(db)).toEqual({ from: 530, to: latestVersion() });
    expect(
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
    ).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('refuses a database with a recorded migration this build does not know, untouched', () => {
    const db = openDatabase(dir);
    migrate(db);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (525, 'elsewhere', 0)",
    ).run();
    expect(() => migrate(db)).toThrow(/migration 525 applied, which this app does not know/);
    db.close();
  });
});
