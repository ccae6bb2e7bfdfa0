// One-time enrollment codes and the till tokens they are exchanged for. Only hashes are stored.
// A till has at most one live code: issuing, redeeming or revoking voids the others. Every
// revocation of tokens is broadcast to the other processes (auth/revocationFeed.ts).
import type { Pool, PoolClient } from 'pg';
import { notifyTillRevoked } from '../auth/revocationFeed';
import { markTillEnrolled } from './storesRepo';
import {
  generateEnrollmentCode,
  generateTillToken,
  normaliseEnrollmentCode,
  sha256,
} from '../auth/secrets';

export const ENROLLMENT_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Ends every unused code of a till (a new code replaces the old ones; none outlives a revoke). */
export async function voidUnusedCodes(db: Pool | PoolClient, tillId: string): Promise<void> {
  await db.query(
    `UPDATE enrollment_codes SET expires_at = least(expires_at, now())
      WHERE till_id = $1 AND consumed_at IS NULL`,
    [tillId],
  );
}

/**
 * Creates a code for a till, voiding its earlier unused codes; returns it in the clear (the only
 * time it exists so). Pass a transaction's client so the two happen together.
 */
export async function issueEnrollmentCode(
  db: Pool | PoolClient,
  tillId: string,
  now: number = Date.now(),
): Promise<{ code: string; expiresAt: number }> {
  const code = generateEnrollmentCode();
  const expiresAt = now + ENROLLMENT_CODE_TTL_MS;
  await voidUnusedCodes(db, tillId);
  await db.query(
    `INSERT INTO enrollment_codes (code_hash, till_id, expires_at) VALUES ($1, $2, $3)`,
    [sha256(normaliseEnrollmentCode(code)), tillId, new Date(expiresAt)],
  );
  return { code, expiresAt };
}

/**
 * Consumes a code and issues the till's token, in one transaction: the code row is locked, so
 * two tills racing with the same code cannot both win. Earlier tokens of the till are revoked
 * (re-enrollment replaces the till's credentials). Null for an unknown, used or expired code.
 */
export async function redeemEnrollmentCode(
  pool: Pool,
  code: string,
): Promise<{ storeId: string; tillId: string; token: string } | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ till_id: string; store_id: string }>(
      `SELECT c.till_id, t.store_id
         FROM enrollment_codes c JOIN tills t ON t.till_id = c.till_id
        WHERE c.code_hash = $1 AND c.consumed_at IS NULL AND c.expires_at > now()
        FOR UPDATE OF c`,
      [sha256(normaliseEnrollmentCode(code))],
    );
    const row = rows[0];
    if (!row) {
      await client.query('ROLLBACK');
      return null;
    }
    const token = generateTillToken();
    await client.query(`UPDATE enrollment_codes SET consumed_at = now() WHERE code_hash = $1`, [
      sha256(normaliseEnrollmentCode(code)),
    ]);
    await voidUnusedCodes(client, row.till_id);
    await client.query(
      `UPDATE till_tokens SET revoked_at = now() WHERE till_id = $1 AND revoked_at IS NULL`,
      [row.till_id],
    );
    await notifyTillRevoked(client, row.till_id);
    await client.query(`INSERT INTO till_tokens (token_hash, till_id) VALUES ($1, $2)`, [
      sha256(token),
      row.till_id,
    ]);
    await markTillEnrolled(client, row.till_id);
    await client.query('COMMIT');
    return { storeId: row.store_id, tillId: row.till_id, token };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Revokes a till's tokens and its unused codes at once (revoke, or a re-issued code: the old
 * credentials stop working now, not when the new code is redeemed). Other processes hear of it
 * on commit; the caller also drops the till from its own token cache at once
 * (TillAuthenticator.forgetTill).
 */
export async function revokeTillCredentials(db: Pool | PoolClient, tillId: string): Promise<void> {
  await db.query(
    `UPDATE till_tokens SET revoked_at = now() WHERE till_id = $1 AND revoked_at IS NULL`,
    [tillId],
  );
  await voidUnusedCodes(db, tillId);
  await notifyTillRevoked(db, tillId);
}
