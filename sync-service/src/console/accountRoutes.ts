// HQ accounts (admin only): list, create, change name/role/password, disable, unlock. The last
// enabled admin can be neither demoted nor disabled, so the chain cannot lock itself out of its
// own console (the command line's reset-password remains for a forgotten password).
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  createAccountRequestSchema,
  updateAccountRequestSchema,
  type AccountsResponse,
  type ConsoleAccount,
} from '../../../shared/console/consoleApi';
import { idSchema } from '../../../shared/events/common';
import { inTransaction } from '../db/transaction';
import { HttpError, parseOr400 } from '../http/httpErrors';
import type { SqlClient } from '../warehouse/sqlClient';
import { findAccount, insertAccount, listAccounts, toAccount, updateAccount } from './accountsRepo';
import { writeAudit } from './auditRepo';
import type { ConsoleAuth } from './consoleAuth';
import { hashPassword } from './passwords';
import { revokeUserSessions } from './sessionsRepo';

export interface AccountRouteDeps {
  pool: Pool;
  auth: ConsoleAuth;
}

const userParams = z.object({ userId: idSchema });

const otherEnabledAdmins = async (db: SqlClient, userId: string): Promise<number> => {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM hq_accounts
      WHERE role = 'admin' AND disabled_at IS NULL AND user_id <> $1`,
    [userId],
  );
  return Number(rows[0]?.n ?? 0);
};

export function registerAccountRoutes(app: FastifyInstance, deps: AccountRouteDeps): void {
  const { pool, auth } = deps;
  const guard = { onRequest: auth.require('accounts.manage') };

  app.get('/v1/console/accounts', guard, async (): Promise<AccountsResponse> => ({
    accounts: (await listAccounts(pool)).map((row) => toAccount(row)),
  }));

  app.post('/v1/console/accounts', guard, async (request, reply) => {
    const input = parseOr400(createAccountRequestSchema, request.body, 'account');
    const passwordHash = await hashPassword(input.password);
    const account = await inTransaction(pool, async (client) => {
      const row = await insertAccount(client, { ...input, passwordHash });
      if (!row) throw new HttpError(409, 'CONFLICT', `an account for ${input.email} exists`);
      const created = toAccount(row);
      await writeAudit(client, auth.actorOf(request), {
        action: 'account.create',
        target: created.email,
        after: created,
      });
      return created;
    });
    return reply.code(201).send(account);
  });

  app.patch('/v1/console/accounts/:userId', guard, async (request): Promise<ConsoleAccount> => {
    const { userId } = parseOr400(userParams, request.params, 'account id');
    const input = parseOr400(updateAccountRequestSchema, request.body, 'account change');
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return inTransaction(pool, async (client) => {
      const before = await findAccount(client, userId, true);
      if (!before) throw new HttpError(404, 'NOT_FOUND', `no account ${userId}`);
      const losesAdmin =
        before.role === 'admin' &&
        before.disabled_at === null &&
        ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
      if (losesAdmin && (await otherEnabledAdmins(client, userId)) === 0)
        throw new HttpError(
          409,
          'CONFLICT',
          'the last enabled admin cannot be demoted or disabled',
        );
      const row = await updateAccount(client, userId, {
        name: input.name,
        role: input.role,
        disabled: input.disabled,
        passwordHash,
        unlock: input.unlock === true,
      });
      if (!row) throw new HttpError(404, 'NOT_FOUND', `no account ${userId}`);
      // A disabled person or a new password: sessions opened before must end. (A new role needs
      // nothing: every request reads the role afresh.)
      if (input.disabled === true || passwordHash !== undefined)
        await revokeUserSessions(client, userId);
      const after = toAccount(row);
      await writeAudit(client, auth.actorOf(request), {
        action: 'account.update',
        target: after.email,
        before: toAccount(before),
        after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
  });
}
