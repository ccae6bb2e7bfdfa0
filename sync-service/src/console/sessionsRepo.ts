// HQ console sessions: the only writer of hq_sessions. The cookie value is 32 random bytes; only
// its sha256 is stored. A session ends at the first of: idle too long, absolute expiry, revoked
// (logout, logout everywhere, password change, account disabled).
import { randomBytes } from 'node:crypto';
import type { ConsoleRole } from '../../../shared/console/consoleApi';
import { sha256 } from '../auth/secrets';
import type { SqlClient } from '../warehouse/sqlClient';

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export interface ActiveSession {
  sessionHash: Buffer;
  userId: string;
  email: string;
  name: string;
  role: ConsoleRole;
  csrfToken: string;
  /** When it ends if used now: the earlier of idle and absolute expiry. */
  expiresAt: number;
  lastSeenAt: number;
}

/** Ended sessions are kept this long (for a look at recent sign-ins), then deleted at sign-in. */
const ENDED_KEPT = '30 days';

/** Creates a session; returns the cookie value (the only time it exists in the clear). */
export async function createSession(
  db: SqlClient,
  userId: string,
  limits: SessionLimits,
  now: number = Date.now(),
): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  // The person's long-ended sessions go as a new one starts: the table stays small without a job.
  await db.query(
    `DELETE FROM hq_sessions WHERE user_id = $1
        AND (revoked_at < now() - interval '${ENDED_KEPT}' OR expires_at < now() - interval '${ENDED_KEPT}')`,
    [userId],
  );
  await db.query(
    `INSERT INTO hq_sessions (session_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [sha256(token), userId, csrfToken, new Date(now), new Date(now + limits.maxMs)],
  );
  return { token, csrfToken, expiresAt: Math.min(now + limits.idleMs, now + limits.maxMs) };
}

interface SessionRow {
  session_hash: Buffer;
  user_id: string;
  email: string;
  name: string;
  role: ConsoleRole;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

/** The live session of a cookie value (account enabled), or null. */
export async function findActiveSession(
  db: SqlClient,
  token: string,
  limits: SessionLimits,
  now: number = Date.now(),
): Promise<ActiveSession | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT s.session_hash, s.user_id, a.email, a.name, a.role, s.csrf_token, s.expires_at,
            s.last_seen_at
       FROM hq_sessions s JOIN hq_accounts a ON a.user_id = s.user_id
      WHERE s.session_hash = $1 AND s.revoked_at IS NULL AND a.disabled_at IS NULL
        AND s.expires_at > $2 AND s.last_seen_at > $3`,
    [sha256(token), new Date(now), new Date(now - limits.idleMs)],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    sessionHash: row.session_hash,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    csrfToken: row.csrf_token,
    expiresAt: Math.min(row.expires_at.getTime(), now + limits.idleMs),
    lastSeenAt: row.last_seen_at.getTime(),
  };
}

/** Moves idle expiry on; callers do it at most once a minute per session to spare writes. */
export async function touchSession(db: SqlClient, sessionHash: Buffer, now: number): Promise<void> {
  await db.query('UPDATE hq_sessions SET last_seen_at = $2 WHERE session_hash = $1', [
    sessionHash,
    new Date(now),
  ]);
}

export async function revokeSession(db: SqlClient, sessionHash: Buffer): Promise<void> {
  await db.query(
    'UPDATE hq_sessions SET revoked_at = now() WHERE session_hash = $1 AND revoked_at IS NULL',
    [sessionHash],
  );
}

/** Ends every session of a person, except `keep` (the one changing its own password). */
export async function revokeUserSessions(
  db: SqlClient,
  userId: string,
  keep: Buffer | null = null,
): Promise<number> {
  const result = await db.query(
    `UPDATE hq_sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::bytea IS NULL OR session_hash <> $2)`,
    [userId, keep],
  );
  return result.rowCount ?? 0;
}
