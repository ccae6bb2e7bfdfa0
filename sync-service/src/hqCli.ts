// `npm run hq -- <command>`: HQ account administration from the command line, for what the
// console cannot do itself: create the first admin, reset a forgotten password. The password
// comes from HQ_ADMIN_PASSWORD or stdin (never an argument: it would sit in shell history and
// the process list). Uses DATABASE_URL and applies pending migrations first.
import { parseArgs } from 'node:util';
import { passwordSchema, loginRequestSchema } from '../../shared/console/consoleApi';
import { ConfigError, loadConfig } from './config';
import {
  findAccountByEmail,
  insertAccount,
  toAccount,
  updateAccount,
} from './console/accountsRepo';
import { COMMAND_LINE, writeAudit } from './console/auditRepo';
import { hashPassword } from './console/passwords';
import { readPasswordFromStdin } from './console/passwordPrompt';
import { revokeUserSessions } from './console/sessionsRepo';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { inTransaction } from './db/transaction';

const USAGE = `usage:
  npm run hq -- create-admin <email> [--name "Full Name"]
  npm run hq -- reset-password <email>
The password is read from HQ_ADMIN_PASSWORD, else from stdin (typed without echo on a terminal).
DATABASE_URL names the HQ database.`;

class CliError extends Error {}

const readPassword = async (): Promise<string> => {
  const fromEnv = process.env.HQ_ADMIN_PASSWORD;
  const password =
    fromEnv !== undefined && fromEnv !== ''
      ? fromEnv
      : await readPasswordFromStdin('Password (at least 10 characters): ');
  const checked = passwordSchema.safeParse(password);
  if (!checked.success)
    throw new CliError(`password refused: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return checked.data;
};

const parseEmail = (raw: string | undefined): string => {
  const parsed = loginRequestSchema.shape.email.safeParse(raw ?? '');
  if (!parsed.success) throw new CliError(`not an email address: "${raw ?? ''}"\n${USAGE}`);
  return parsed.data;
};

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, emailArg] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command !== 'create-admin' && command !== 'reset-password')
    throw new CliError(`unknown command "${command}"\n${USAGE}`);
  const email = parseEmail(emailArg);
  const config = loadConfig(process.env);
  const pool = createPool(config.databaseUrl, { max: 2 });
  try {
    await migrate(pool);
    if (command === 'create-admin') {
      if (await findAccountByEmail(pool, email))
        throw new CliError(`an account for ${email} already exists (use reset-password)`);
      const password = await readPassword();
      const name = values.name?.trim() || email.split('@')[0] || email;
      const created = await inTransaction(pool, async (client) => {
        const row = await insertAccount(client, {
          email,
          name: name.slice(0, 100),
          role: 'admin',
          passwordHash: await hashPassword(password),
        });
        if (!row) throw new CliError(`an account for ${email} already exists`);
        const account = toAccount(row);
        await writeAudit(client, COMMAND_LINE, {
          action: 'account.create',
          target: email,
          after: account,
        });
        return account;
      });
      process.stdout.write(`created admin ${created.email} (${created.userId})\n`);
    } else {
      const account = await findAccountByEmail(pool, email);
      if (!account) throw new CliError(`no account for ${email}`);
      const password = await readPassword();
      const passwordHash = await hashPassword(password);
      await inTransaction(pool, async (client) => {
        await updateAccount(client, account.user_id, { passwordHash, unlock: true });
        const ended = await revokeUserSessions(client, account.user_id);
        await writeAudit(client, COMMAND_LINE, {
          action: 'account.password',
          target: email,
          after: { passwordChanged: true, sessionsEnded: ended },
        });
      });
      process.stdout.write(`password of ${email} reset; its sessions were ended\n`);
    }
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CliError || error instanceof ConfigError) {
      process.stderr.write(`hq: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `hq: failed: ${message}\nIs PostgreSQL running? (npm run services:up)\n`,
      );
    }
    process.exit(1);
  },
);
