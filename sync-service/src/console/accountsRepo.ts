// HQ accounts: the only writer of hq_accounts. `db` first: a pool, or a client inside the
// caller's transaction (account changes commit together with their audit entry).
import { randomBytes } from 'node:crypto';
import type { ConsoleAccount, ConsoleRole } from '../../../shared/console/consoleApi';
import type { SqlClient } from '../warehouse/sqlClient';

export interface AccountRow {
  user_id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'user_id, email, name, role, password_hash, failed_logins, locked_until, disabled_at, last_login_at, created_at';

export const toAccount = (row: AccountRow, now: number = Date.now()): ConsoleAccount => ({
  userId: row.user_id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at.getTime(),
  lastLoginAt: row.last_login_at?.getTime() ?? null,
  disabled: row.disabled_at !== null,
  lockedUntil:
    row.locked_until !== null && row.locked_until.getTime() > now
      ? row.locked_until.getTime()
      : null,
});

export const newUserId = (): string => `user-${randomBytes(6).toString('hex')}`;

/** Inserts an account; null when the email is taken. */
export async function insertAccount(
  db: SqlClient,
  account: { email: string; name: string; role: ConsoleRole; passwordHash: string },
): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>(
    `INSERT INTO hq_accounts (user_id, email, name, role, password_hash)
     VALUES ($1, lower($2), $3, $4, $5)
     ON CONFLICT ((lower(email))) DO NOTHING
     RETURNING ${COLUMNS}`,
    [newUserId(), account.email.trim(), account.name, account.role, account.passwordHash],
  );
  return rows[0] ?? null;
}

export async function findAccountByEmail(db: SqlClient, email: string): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${COLUMNS} FROM hq_accounts WHERE lower(email) = lower($1)`,
    [email.trim()],
  );
  return rows[0] ?? null;
}

/** With FOR UPDATE when `lock`: the caller changes the row in its transaction. */
export async function findAccount(
  db: SqlClient,
  userId: string,
  lock = false,
): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${COLUMNS} FROM hq_accounts WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [userId],
  );
  return rows[0] ?? null;
}

export async function listAccounts(db: SqlClient): Promise<AccountRow[]> {
  const { rows } = await db.query<AccountRow>(
    `SELECT ${COLUMNS} FROM hq_accounts ORDER BY lower(email)`,
  );
  return rows;
}

export interface AccountChanges {
  name?: string | undefined;
  role?: ConsoleRole | undefined;
  disabled?: boolean | undefined;
  passwordHash?: string | undefined;
  unlock?: boolean | undefined;
}

export async function updateAccount(
  db: SqlClient,
  userId: string,
  changes: AccountChanges,
): Promise<AccountRow | null> {
  const { rows } = await db.query<AccountRow>(
    `UPDATE hq_accounts SET
       name = coalesce($2, name),
       role = coalesce($3, role),
       disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at
                          WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END,
       password_hash = coalesce($5, password_hash),
       failed_logins = CASE WHEN $6 THEN 0 ELSE failed_logins END,
       locked_until = CASE WHEN $6 THEN NULL ELSE locked_until END
     WHERE user_id = $1
     RETURNING ${COLUMNS}`,
    [
      userId,
      changes.name ?? null,
      changes.role ?? null,
      changes.disabled ?? null,
      changes.passwordHash ?? null,
      changes.unlock === true || changes.passwordHash !== undefined,
    ],
  );
  return rows[0] ?? null;
}

/**
 * Counts a failed login; the `maxFailures`th consecutive one locks the account for `lockMs` and
 * starts the count again. Returns the lock's end when this failure locked it.
 */
export async function recordFailedLogin(
  db: SqlClient,
  userId: string,
  maxFailures: number,
  lockMs: number,
): Promise<number | null> {
  const { rows } = await db.query<{ locked_until: Date | null; locked_now: boolean }>(
    `UPDATE hq_accounts SET
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
       locked_until = CASE WHEN failed_logins + 1 >= $2
                           THEN now() + make_interval(secs => $3::double precision / 1000)
                           ELSE locked_until END
     WHERE user_id = $1
     RETURNING locked_until, failed_logins = 0 AS locked_now`,
    [userId, maxFailures, lockMs],
  );
  const row = rows[0];
  return row?.locked_now && row.locked_until ? row.locked_until.getTime() : null;
}

export async function recordSuccessfulLogin(db: SqlClient, userId: string): Promise<void> {
  await db.query(
    `UPDATE hq_accounts SET failed_logins = 0, locked_until = NULL, last_login_at = now()
      WHERE user_id = $1`,
    [userId],
  );
}
