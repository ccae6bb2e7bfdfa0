// Create a user, or change an existing user's name or PIN.
import { useState, type FormEvent } from 'react';
import type { Role, User } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';

interface Props {
  user: User | null;
  onDone: () => void;
  onClose: () => void;
}

export function UserForm({ user, onDone, onClose }: Props) {
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Owners approve discounts and refunds: a new owner PIN is 6 to 8 digits (existing ones work).
  const ownerRole = (user?.role ?? role) === 'owner';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Type a name.');
    if ((!user || pin) && !/^\d{4,8}$/.test(pin)) return setError('A PIN is 4 to 8 digits.');
    if (ownerRole && (!user || pin) && pin.length < 6)
      return setError("An owner's PIN is 6 to 8 digits.");
    const r = user
      ? await call('users-update', { userId: user.id, name, ...(pin ? { pin } : {}) })
      : await call('users-create', { name, role, pin });
    if (!r.ok) return setError(errorText(r.error));
    onDone();
  };

  return (
    <Dialog title={user ? `Edit ${user.name}` : 'New user'} testId="user-form" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <label>
          Name
          <input value={name} data-testid="user-name" onChange={(e) => setName(e.target.value)} />
        </label>
        {!user && (
          <label>
            Role
            <select
              value={role}
              data-testid="user-role"
              onChange={(e) => setRole(e.target.value as Role)}
            >
              <option value="cashier">Cashier</option>
              <option value="owner">Owner</option>
            </select>
          </label>
        )}
        <label>
          {user
            ? 'New PIN (leave empty to keep)'
            : ownerRole
              ? 'PIN (6–8 digits)'
              : 'PIN (4–8 digits)'}
          {user && ownerRole ? ' — an owner PIN is 6–8 digits' : ''}
          <input
            type="password"
            inputMode="numeric"
            value={pin}
            data-testid="user-pin"
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <ErrorBanner message={error} testId="user-error" />
        <div className="dialog-actions">
          <button type="submit" className="btn-primary" data-testid="user-save">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
