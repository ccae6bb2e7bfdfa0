import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../build/test/serviceEnv';
import { createPool } from './pool';
import { MigrationError, listMigrationFiles, migrate } from './migrate';

describe('migrate', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('applies every migration once, in order, even when two processes race', async () => {
    const known = await listMigrationFiles();
    const other = createPool(db.url);
    const [a, b] = await Promise.all([migrate(pool), migrate(other)]);
    await other.end();
    expect([...a.applied, ...b.applied].sort()).toEqual(known);
    const { rows } = await pool.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    expect(rows.map((r) => r.name)).toEqual(known);
    const again = await migrate(pool);
    expect(again).toEqual({ applied: [], alreadyApplied: known.length });
    const { rows: tables } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('stores', 'tills', 'catalog_products')`,
    );
    expect(Number(tables[0]?.n)).toBe(3);
  });

  it('refuses a database whose applied list is not a prefix of the known files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pos-migrations-'));
    await writeFile(path.join(dir, '0001_only.sql'), 'SELECT 1;');
    await expect(migrate(pool, { dir })).rejects.toBeInstanceOf(MigrationError);
  });

  it('refuses a new file numbered below the newest applied one, naming it, and applies nothing', async () => {
    const scratch = await createTestDatabase();
    const scratchPool = createPool(scratch.url);
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'pos-migrations-'));
      await writeFile(path.join(dir, '0001_stores.sql'), 'CREATE TABLE stores_x (id int);');
      await writeFile(path.join(dir, '0100_facts.sql'), 'CREATE TABLE facts_x (id int);');
      await migrate(scratchPool, { dir });
      // Numbered inside what the README used to reserve for the gateway.
      await writeFile(path.join(dir, '0004_till_notes.sql'), 'CREATE TABLE notes_x (id int);');
      await writeFile(path.join(dir, '0110_more.sql'), 'CREATE TABLE more_x (id int);');
      const refusal = await migrate(scratchPool, { dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusal).toBeInstanceOf(MigrationError);
      expect((refusal as Error).message).toMatch(
        /migration 0004_till_notes\.sql has not run on this database but is numbered below 0100_facts\.sql/,
      );
      expect((refusal as Error).message).toContain('Number a new migration above 0100');
      const { rows } = await scratchPool.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name',
      );
      expect(rows.map((r) => r.name)).toEqual(['0001_stores.sql', '0100_facts.sql']);
    } finally {
      await scratchPool.end();
      await scratch.drop();
    }
  });

  it('refuses a database with an applied file this build does not have, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pos-migrations-'));
    await writeFile(path.join(dir, '0001_stores_and_tills.sql'), 'SELECT 1;');
    await expect(migrate(pool, { dir })).rejects.toThrow(
      /database has migration 0002_till_credentials\.sql, .* applied, which this build does not have/,
    );
  });

  it('rolls back a failing file and reports which one', async () => {
    const scratch = await createTestDatabase();
    const scratchPool = createPool(scratch.url);
    try {
      const dir = await mkdtemp(path.join(tmpdir(), 'pos-migrations-'));
      await writeFile(path.join(dir, '0001_ok.sql'), 'CREATE TABLE ok (id int);');
      await writeFile(
        path.join(dir, '0002_broken.sql'),
        'CREATE TABLE half (id int); SELECT nonsense_fn();',
      );
      await expect(migrate(scratchPool, { dir })).rejects.toThrow(/0002_broken\.sql failed/);
      const { rows } = await scratchPool.query<{ name: string }>(
        'SELECT name FROM schema_migrations',
      );
      expect(rows.map((r) => r.name)).toEqual(['0001_ok.sql']);
      const { rowCount } = await scratchPool.query(
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`,
      );
      expect(rowCount).toBe(0);
    } finally {
      await scratchPool.end();
      await scratch.drop();
    }
  });
});
