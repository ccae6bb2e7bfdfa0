// `npm run hq` as a real process against a fresh database: creates the first admin from a piped
// password (or HQ_ADMIN_PASSWORD), refuses a duplicate and a short password with exit code 1,
// resets a password, and writes audit entries by "command line".
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../build/test/serviceEnv';
import { verifyPassword } from './console/passwords';

const root = fileURLToPath(new URL('../..', import.meta.url));

const runHq = (
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'sync-service/src/hqCli.ts', ...args],
      {
        cwd: root,
        env: { ...process.env, HQ_ADMIN_PASSWORD: '', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });

describe('hq command line', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('creates the first admin from a piped password, once', async () => {
    const env = { DATABASE_URL: db.url };
    const created = await runHq(
      ['create-admin', 'Owner@Example.com', '--name', 'Olga Owner'],
      env,
      'first admin password\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/created admin owner@example\.com/);
    const { rows } = await pool.query<{ name: string; role: string; password_hash: string }>(
      `SELECT name, role, password_hash FROM hq_accounts WHERE email = 'owner@example.com'`,
    );
    expect(rows[0]).toMatchObject({ name: 'Olga Owner', role: 'admin' });
    expect(await verifyPassword('first admin password', rows[0]?.password_hash ?? '')).toBe(true);

    const duplicate = await runHq(['create-admin', 'owner@example.com'], env, 'another password\n');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const short = await runHq(['create-admin', 'two@example.com'], env, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const badEmail = await runHq(['create-admin', 'not-an-email'], env, '');
    expect(badEmail.code).toBe(1);

    const reset = await runHq(
      ['reset-password', 'owner@example.com'],
      {
        ...env,
        HQ_ADMIN_PASSWORD: 'a second long password',
      },
      '',
    );
    expect(reset.code).toBe(0);
    const after = await pool.query<{ password_hash: string }>(
      `SELECT password_hash FROM hq_accounts WHERE email = 'owner@example.com'`,
    );
    expect(await verifyPassword('a second long password', after.rows[0]?.password_hash ?? '')).toBe(
      true,
    );
    const audit = await pool.query<{ actor: string; action: string; user_id: string | null }>(
      'SELECT actor, action, user_id FROM audit_log ORDER BY id',
    );
    expect(audit.rows).toEqual([
      { actor: 'command line', action: 'account.create', user_id: null },
      { actor: 'command line', action: 'account.password', user_id: null },
    ]);
  });
});
