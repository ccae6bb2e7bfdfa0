import type { Role } from '../../../shared/api';

export type ScreenName =
  | 'dashboard'
  | 'checkout'
  | 'returns'
  | 'shift'
  | 'products'
  | 'stock'
  | 'users'
  | 'history'
  | 'settings'
  | 'hq-connect';

interface Props {
  screen: ScreenName;
  role: Role;
  onNavigate: (s: ScreenName) => void;
  onReceipts: () => void;
  onLogout: () => void;
}

const ITEMS: { name: ScreenName; label: string; key?: string; ownerOnly?: boolean }[] = [
  { name: 'dashboard', label: 'Dashboard', ownerOnly: true },
  { name: 'checkout', label: 'Sale', key: 'Esc' },
  { name: 'returns', label: 'Returns', key: 'F6' },
  { name: 'shift', label: 'Shift', key: 'F7' },
  { name: 'stock', label: 'Stock' },
  { name: 'products', label: 'Products', ownerOnly: true },
  { name: 'users', label: 'Users', ownerOnly: true },
  { name: 'history', label: 'History', ownerOnly: true },
  { name: 'settings', label: 'Settings', ownerOnly: true },
  { name: 'hq-connect', label: 'HQ sync', ownerOnly: true },
];

/** The top bar: screens with their shortcut keys shown on the buttons. */
export function NavBar({ screen, role, onNavigate, onReceipts, onLogout }: Props) {
  return (
    <nav className="navbar" aria-label="Screens">
      {ITEMS.filter((i) => !i.ownerOnly || role === 'owner').map((item) => (
        <button
          key={item.name}
          type="button"
          className={screen === item.name ? 'nav-item nav-active' : 'nav-item'}
          aria-current={screen === item.name ? 'page' : undefined}
          data-testid={`nav-${item.name}`}
          onClick={() => onNavigate(item.name)}
        >
          {item.label}
          {item.key && <kbd>{item.key}</kbd>}
        </button>
      ))}
      <button type="button" className="nav-item" data-testid="nav-receipts" onClick={onReceipts}>
        Receipts<kbd>F5</kbd>
      </button>
      <span className="nav-spacer" />
      <button type="button" className="nav-item" data-testid="nav-logout" onClick={onLogout}>
        Log out
      </button>
    </nav>
  );
}
