// HQ accounts (admin only): everyone who can sign in, with their role, last sign-in and lockout;
// creating an account with an initial password, changing a role, disabling (ends their sessions)
// and unlocking after failed sign-ins. Every change is audit-logged by HQ.
import { useMemo, useState } from 'react';
import {
  CONSOLE_ROLES,
  type ConsoleAccount,
  type ConsoleRole,
} from '../../../shared/console/consoleApi';
import { ErrorBanner } from '../../src/components/ErrorBanner';
import type { Column } from '../../src/dashboard/ChartCard';
import { errorWords } from '../api/consoleClient';
import { ConfirmDialog } from '../parts/ConfirmDialog';
import { useSession } from '../state/sessionContext';
import { useConsoleQuery } from '../state/useConsoleQuery';
import { pushAgeWords } from '../stores/syncHealthWords';
import { CardAction } from '../parts/CardAction';
import { QueryTable } from '../parts/QueryTable';
import { CreateAccountDialog } from './CreateAccountDialog';

export const ROLE_WORDS: Record<ConsoleRole, string> = {
  admin: 'Admin — everything, including accounts and the audit log',
  manager: 'Manager — stores, tills, catalog, operations',
  analyst: 'Analyst — reads figures, stores and the catalog',
};

export function AccountsScreen() {
  const session = useSession();
  const { api, locale } = session;
  const q = useConsoleQuery(() => api.accounts(), 'accounts');
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<ConsoleAccount | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const me = session.info.user.userId;

  const update = async (a: ConsoleAccount, body: Parameters<typeof api.updateAccount>[1]) => {
    setFailure(null);
    const r = await api.updateAccount(a.userId, body);
    if (!r.ok) setFailure(errorWords(r.error));
    q.reload();
  };

  const columns = useMemo(
    (): Column<ConsoleAccount>[] => [
      { label: 'Email', csv: (a) => a.email },
      { label: 'Name', csv: (a) => a.name },
      {
        label: 'Role',
        csv: (a) => a.role,
        show: (a) =>
          a.userId === me ? (
            <span data-testid={`account-role-${a.email}`}>{a.role} (you)</span>
          ) : (
            <select
              value={a.role}
              aria-label={`Role of ${a.email}`}
              data-testid={`account-role-${a.email}`}
              onChange={(e) => void update(a, { role: e.target.value as ConsoleRole })}
            >
              {CONSOLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ),
      },
      {
        label: 'State',
        csv: (a) =>
          a.disabled
            ? 'disabled'
            : a.lockedUntil !== null && a.lockedUntil > Date.now()
              ? 'locked'
              : 'active',
        show: (a) => (
          <span data-testid={`account-state-${a.email}`}>
            {a.disabled
              ? 'Disabled'
              : a.lockedUntil !== null && a.lockedUntil > Date.now()
                ? 'Locked out'
                : 'Active'}
          </span>
        ),
      },
      {
        label: 'Last sign-in',
        csv: (a) => (a.lastLoginAt === null ? '' : new Date(a.lastLoginAt).toISOString()),
        show: (a) => pushAgeWords(a.lastLoginAt, session.now(), locale),
      },
      {
        label: 'Actions',
        csv: () => null,
        show: (a) =>
          a.userId === me ? null : (
            <span className="console-row-actions">
              {a.lockedUntil !== null && a.lockedUntil > Date.now() && (
                <button
                  type="button"
                  data-testid={`account-unlock-${a.email}`}
                  onClick={() => void update(a, { unlock: true })}
                >
                  Unlock
                </button>
              )}
              {a.disabled ? (
                <button
                  type="button"
                  data-testid={`account-enable-${a.email}`}
                  onClick={() => void update(a, { disabled: false })}
                >
                  Enable
                </button>
              ) : (
                <button
                  type="button"
                  className="btn-danger"
                  data-testid={`account-disable-${a.email}`}
                  onClick={() => setDisabling(a)}
                >
                  Disable
                </button>
              )}
            </span>
          ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- update only closes over api and q
    [locale, me, session],
  );

  return (
    <div className="console-screen" data-testid="accounts-screen">
      <h1>Accounts</h1>
      <ul className="console-roles hint">
        {CONSOLE_ROLES.map((r) => (
          <li key={r}>{ROLE_WORDS[r]}</li>
        ))}
      </ul>
      <ErrorBanner
        message={failure}
        testId="accounts-action-error"
        onDismiss={() => setFailure(null)}
      />
      <QueryTable
        query={q}
        errorTestId="accounts-error"
        rowsOf={(d) => d.accounts}
        title="Accounts"
        testId="accounts-table"
        columns={columns}
        fileSuffix="list"
        tall
        rowTestId={(a) => `account-row-${a.email}`}
        actions={
          <CardAction
            label="Add account"
            testId="account-create"
            onClick={() => setCreating(true)}
          />
        }
      />
      {creating && (
        <CreateAccountDialog
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            q.reload();
          }}
        />
      )}
      {disabling && (
        <ConfirmDialog
          title={`Disable ${disabling.email}?`}
          testId="account-disable-confirm"
          confirmLabel="Disable account"
          danger
          onCancel={() => setDisabling(null)}
          onConfirm={() => {
            const a = disabling;
            setDisabling(null);
            void update(a, { disabled: true });
          }}
        >
          They are signed out everywhere at once and cannot sign in until the account is enabled
          again.
        </ConfirmDialog>
      )}
    </div>
  );
}
