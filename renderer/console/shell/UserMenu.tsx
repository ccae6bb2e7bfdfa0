// Who is signed in, and the ways out: log out here, log out everywhere (every session of this
// person, e.g. after a lost laptop), and change one's password (which ends the other sessions).
import { useState } from 'react';
import { useSession } from '../state/sessionContext';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function UserMenu({ onSignedOut }: { onSignedOut: () => void }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const { user } = session.info;
  const signOut = async (everywhere: boolean) => {
    await (everywhere ? session.api.logoutEverywhere() : session.api.logout());
    onSignedOut();
  };
  return (
    <div
      className="console-user"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="user-menu"
        onClick={() => setOpen((o) => !o)}
      >
        {user.name || user.email} <span className="console-role">{user.role}</span> ▾
      </button>
      {open && (
        <div className="console-user-menu" role="menu" data-testid="user-menu-items">
          <p className="hint">{user.email}</p>
          <button
            type="button"
            role="menuitem"
            data-testid="user-change-password"
            onClick={() => {
              setOpen(false);
              setChanging(true);
            }}
          >
            Change password
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="user-logout"
            onClick={() => void signOut(false)}
          >
            Log out
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="user-logout-everywhere"
            onClick={() => void signOut(true)}
          >
            Log out everywhere
          </button>
        </div>
      )}
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  );
}
