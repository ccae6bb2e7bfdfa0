import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type ConsoleRoute } from './consoleRoute';

describe('console routes in the hash', () => {
  it('round-trips every screen and drill level', () => {
    const routes: ConsoleRoute[] = [
      { screen: 'stores' },
      { screen: 'tills', storeId: 'st/1 x' },
      { screen: 'catalog' },
      { screen: 'ops' },
      { screen: 'accounts' },
      { screen: 'audit' },
      { screen: 'figures', level: { kind: 'chain' } },
      { screen: 'figures', level: { kind: 'region', region: 'South West' } },
      { screen: 'figures', level: { kind: 'store', storeId: 's1' } },
      { screen: 'figures', level: { kind: 'till', storeId: 's1', tillId: 't1' } },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
  it('opens the stores for an unknown or broken hash', () => {
    expect(parseRoute('')).toEqual({ screen: 'stores' });
    expect(parseRoute('#/nope')).toEqual({ screen: 'stores' });
    expect(parseRoute('#/stores/%E0%A4%A')).toEqual({ screen: 'stores' });
    expect(parseRoute('#/figures/store')).toEqual({ screen: 'figures', level: { kind: 'chain' } });
  });
});
