import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../build/test/serviceEnv';
import { copyIntoStaging, ensureStagingTables } from './stagingCopy';

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

const hostile = [
  'tab\there',
  'new\nline',
  'carriage\rreturn',
  'back\\slash',
  '\\N',
  '\\.',
  'emoji 🧾 and ünïcödé',
  '',
];

describe('staging COPY', () => {
  it('round-trips every value exactly, nulls included, and empties at commit', async () => {
    const client = await pool.connect();
    try {
      await ensureStagingTables(client);
      await ensureStagingTables(client); // once per connection; a second call is a no-op
      await client.query('BEGIN');
      const n = hostile.length;
      await copyIntoStaging(client, 'stage_events', [
        hostile.map((_, i) => `0190f3a4-0000-7000-8000-${String(i).padStart(12, '0')}`),
        hostile,
        hostile.map((_, i) => (i % 2 === 0 ? null : `till-${i}`)),
        hostile.map((_, i) => 9_007_199_254_740_991 - i),
        hostile.map(() => 'sale'),
        hostile.map((_, i) => 1_700_000_000_000 + i),
        hostile.map((_, i) => i),
        hostile.map((_, i) => String(i * 1_000)),
      ]);
      const { rows } = await client.query<{
        store_id: string;
        till_id: string | null;
        seq: string;
      }>('SELECT store_id, till_id, seq::text FROM stage_events ORDER BY part');
      expect(rows.map((r) => r.store_id)).toEqual(hostile);
      expect(rows.map((r) => r.till_id)).toEqual(
        hostile.map((_, i) => (i % 2 === 0 ? null : `till-${i}`)),
      );
      expect(rows[0]?.seq).toBe('9007199254740991');
      expect(rows).toHaveLength(n);
      await client.query('COMMIT');
      const after = await client.query('SELECT count(*)::int AS n FROM stage_events');
      expect(after.rows[0]?.n).toBe(0);
    } finally {
      client.release();
    }
  });

  it('fails the COPY on a value of the wrong type with a data error code, and the connection stays usable', async () => {
    const client = await pool.connect();
    try {
      await ensureStagingTables(client);
      await client.query('BEGIN');
      const cols = ['not-a-uuid', 's', 't', 1, 'sale', 1, 0, '0'].map((v) => [v]);
      await expect(copyIntoStaging(client, 'stage_events', cols)).rejects.toMatchObject({
        code: '22P02',
      });
      await client.query('ROLLBACK');
      const ok = await client.query('SELECT 1 AS one');
      expect(ok.rows[0]?.one).toBe(1);
    } finally {
      client.release();
    }
  });
});
