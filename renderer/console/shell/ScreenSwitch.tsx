// Which screen the route names, refused in words when the role may not open it (a link shared by
// an admin, opened by an analyst).
import type { ConsoleRoute } from '../state/consoleRoute';
import { useSession } from '../state/sessionContext';
import { AccountsScreen } from '../accounts/AccountsScreen';
import { AuditScreen } from '../accounts/AuditScreen';
import { CatalogScreen } from '../catalog/CatalogScreen';
import { FiguresScreen } from '../figures/FiguresScreen';
import { OpsScreen } from '../ops/OpsScreen';
import { StoresScreen } from '../stores/StoresScreen';
import { TillsScreen } from '../stores/TillsScreen';

export function ScreenSwitch({
  route,
  go,
}: {
  route: ConsoleRoute;
  go: (r: ConsoleRoute) => void;
}) {
  const session = useSession();
  const denied = (
    <p className="error-banner" role="alert" data-testid="screen-forbidden">
      Your role ({session.info.user.role}) may not open this screen.
    </p>
  );
  switch (route.screen) {
    case 'stores':
      return <StoresScreen go={go} />;
    case 'tills':
      return <TillsScreen storeId={route.storeId} go={go} />;
    case 'catalog':
      return session.can('catalog.read') ? <CatalogScreen /> : denied;
    case 'figures':
      return <FiguresScreen level={route.level} go={go} />;
    case 'ops':
      return session.can('ops.read') ? <OpsScreen /> : denied;
    case 'accounts':
      return session.can('accounts.manage') ? <AccountsScreen /> : denied;
    case 'audit':
      return session.can('audit.read') ? <AuditScreen /> : denied;
  }
}
