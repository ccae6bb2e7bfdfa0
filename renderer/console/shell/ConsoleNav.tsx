// The console's navigation: only the screens the person's role may open.
import type { ConsolePermission } from '../../../shared/console/consoleApi';
import type { ConsoleRoute, ScreenName } from '../state/consoleRoute';
import { useSession } from '../state/sessionContext';

export interface NavItem {
  screen: ScreenName;
  label: string;
  route: ConsoleRoute;
  permission: ConsolePermission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { screen: 'stores', label: 'Stores', route: { screen: 'stores' }, permission: 'figures.read' },
  { screen: 'catalog', label: 'Catalog', route: { screen: 'catalog' }, permission: 'catalog.read' },
  {
    screen: 'figures',
    label: 'Figures',
    route: { screen: 'figures', level: { kind: 'chain' } },
    permission: 'figures.read',
  },
  { screen: 'ops', label: 'Operations', route: { screen: 'ops' }, permission: 'ops.read' },
  {
    screen: 'accounts',
    label: 'Accounts',
    route: { screen: 'accounts' },
    permission: 'accounts.manage',
  },
  { screen: 'audit', label: 'Audit log', route: { screen: 'audit' }, permission: 'audit.read' },
];

/** The nav item a route belongs to (a store's tills belong to Stores). */
export const navScreenOf = (route: ConsoleRoute): ScreenName =>
  route.screen === 'tills' ? 'stores' : route.screen;

export function ConsoleNav({ route, go }: { route: ConsoleRoute; go: (r: ConsoleRoute) => void }) {
  const session = useSession();
  const current = navScreenOf(route);
  return (
    <nav className="console-nav" aria-label="Console">
      {NAV_ITEMS.filter((n) => session.can(n.permission)).map((n) => (
        <button
          key={n.screen}
          type="button"
          data-testid={`nav-${n.screen}`}
          aria-current={current === n.screen ? 'page' : undefined}
          onClick={() => go(n.route)}
        >
          {n.label}
        </button>
      ))}
    </nav>
  );
}
