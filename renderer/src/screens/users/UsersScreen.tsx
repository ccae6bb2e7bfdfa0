// Owner: the till's users; create cashiers and owners, change PINs, deactivate leavers.
import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { ErrorBanner } from '../../components/ErrorBanner';
import { UserForm } from './UserForm';

export function UsersScreen({ currentUserId }: { currentUserId: string }) {
  const [users, setUsers] = useState<User[]>([]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('users-list', {});
    if (r.ok) setUsers(r.value);
    else setError(errorText(r.error));
  }, []);
  useEffect(() => void load(), [load]);

  const setActive = async (u: User, active: boolean) => {
    const r = await call('users-update', { userId: u.id, active });
    if (!r.ok) setError(errorText(r.error));
    else await load();
  };

  return (
    <div className="page" data-testid="users-screen">
      <h1>Users</h1>
      <button
        type="button"
        className="btn-primary"
        data-testid="user-new"
        onClick={() => setEditing('new')}
      >
        New user
      </button>
      <ErrorBanner message={error} testId="users-error" onDismiss={() => setError(null)} />
      <table className="data-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-row-${u.name}`}>
              <td>{u.name}</td>
              <td>{u.role}</td>
              <td>{u.active ? 'Active' : 'Deactivated'}</td>
              <td className="row-actions">
                <button type="button" onClick={() => setEditing(u)}>
                  Edit / PIN
                </button>
                {u.id !== currentUserId && (
                  <button type="button" onClick={() => void setActive(u, !u.active)}>
                    {u.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <UserForm
          user={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            void load();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
