// Where the console is, kept in the URL's hash (#/stores/<id>), so a reload or a shared link
// opens the same screen and the browser's back button walks back through drill-downs.
export type ConsoleRoute =
  | { screen: 'stores' }
  | { screen: 'tills'; storeId: string }
  | { screen: 'catalog' }
  | { screen: 'figures'; level: FigureLevel }
  | { screen: 'ops' }
  | { screen: 'accounts' }
  | { screen: 'audit' };

export type FigureLevel =
  | { kind: 'chain' }
  | { kind: 'region'; region: string }
  | { kind: 'store'; storeId: string }
  | { kind: 'till'; storeId: string; tillId: string };

export type ScreenName = ConsoleRoute['screen'];

const part = (s: string | undefined): string | null => {
  if (s === undefined || s === '') return null;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

export const parseRoute = (hash: string): ConsoleRoute => {
  const [screen, a, b, c] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'stores': {
      const storeId = part(a);
      return storeId ? { screen: 'tills', storeId } : { screen: 'stores' };
    }
    case 'catalog':
    case 'ops':
    case 'accounts':
    case 'audit':
      return { screen };
    case 'figures': {
      const x = part(b);
      const y = part(c);
      if (a === 'region' && x !== null) return { screen, level: { kind: 'region', region: x } };
      if (a === 'region' && b === '') return { screen, level: { kind: 'region', region: '' } };
      if (a === 'store' && x && y)
        return { screen, level: { kind: 'till', storeId: x, tillId: y } };
      if (a === 'store' && x) return { screen, level: { kind: 'store', storeId: x } };
      return { screen, level: { kind: 'chain' } };
    }
    default:
      return { screen: 'stores' };
  }
};

const enc = encodeURIComponent;

export const routeHash = (route: ConsoleRoute): string => {
  switch (route.screen) {
    case 'tills':
      return `#/stores/${enc(route.storeId)}`;
    case 'figures': {
      const l = route.level;
      if (l.kind === 'region') return `#/figures/region/${enc(l.region)}`;
      if (l.kind === 'store') return `#/figures/store/${enc(l.storeId)}`;
      if (l.kind === 'till') return `#/figures/store/${enc(l.storeId)}/${enc(l.tillId)}`;
      return '#/figures';
    }
    default:
      return `#/${route.screen}`;
  }
};
