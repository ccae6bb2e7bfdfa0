// The audit log: one row per change made from the console (or by the command line), written in
// the same transaction as the change so the log never claims a change that rolled back, nor
// misses one that committed. The only writer of audit_log.
import type { AuditEntry } from '../../../shared/console/consoleApi';
import type { SqlClient } from '../warehouse/sqlClient';

export interface Actor {
  /** Null for the command line. */
  userId: string | null;
  /** Email of the person, or "command line". */
  label: string;
}

export const COMMAND_LINE: Actor = { userId: null, label: 'command line' };

export interface AuditRecord {
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: SqlClient, actor: Actor, record: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, actor, action, target, before, after)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [
      actor.userId,
      actor.label,
      record.action,
      record.target,
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
    ],
  );
}

interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** Newest first, strictly older than `before` when given (keyset paging by id). */
export async function listAudit(
  db: SqlClient,
  options: { before?: string | undefined; limit: number },
): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id::text AS id, at, user_id, actor, action, target, before, after
       FROM audit_log
      WHERE $1::bigint IS NULL OR id < $1::bigint
      ORDER BY id DESC
      LIMIT $2`,
    [options.before ?? null, options.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.getTime(),
    userId: r.user_id,
    actor: r.actor,
    action: r.action,
    target: r.target,
    before: r.before,
    after: r.after,
  }));
}
