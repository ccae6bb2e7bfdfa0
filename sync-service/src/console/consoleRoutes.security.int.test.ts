// Every console route, walked as a table: without a session → 401 (also with a till's token or
// the automation admin token, which the console does not accept); a write without the CSRF
// token → 403 CSRF_REJECTED; a role without the permission → 403 FORBIDDEN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  can,
  CSRF_HEADER,
  type ConsolePermission,
  type ConsoleRole,
} from '../../../shared/console/consoleApi';
import { ADMIN_TOKEN } from '../../test/gatewayTestKit';
import { startTestConsole, type TestConsole } from '../../test/consoleTestKit';

/** [method, path, permission (null: any signed-in person)] */
const ROUTES: [string, string, ConsolePermission | null][] = [
  ['GET', '/v1/console/session', null],
  ['POST', '/v1/console/auth/logout', null],
  ['POST', '/v1/console/auth/logout-everywhere', null],
  ['POST', '/v1/console/auth/password', null],
  ['GET', '/v1/console/accounts', 'accounts.manage'],
  ['POST', '/v1/console/accounts', 'accounts.manage'],
  ['PATCH', '/v1/console/accounts/user-000000000000', 'accounts.manage'],
  ['GET', '/v1/console/audit', 'audit.read'],
  ['GET', '/v1/console/audit.csv', 'audit.read'],
  ['GET', '/v1/console/stores', 'figures.read'],
  ['POST', '/v1/console/stores', 'stores.write'],
  ['PATCH', '/v1/console/stores/store-1', 'stores.write'],
  ['GET', '/v1/console/stores/store-1/tills', 'figures.read'],
  ['POST', '/v1/console/stores/store-1/tills', 'tills.write'],
  ['POST', '/v1/console/tills/till-1/enrollment-code', 'tills.write'],
  ['POST', '/v1/console/tills/till-1/revoke', 'tills.write'],
  ['GET', '/v1/console/catalog/products', 'catalog.read'],
  ['POST', '/v1/console/catalog/products', 'catalog.write'],
  ['PUT', '/v1/console/catalog/products/p-1', 'catalog.write'],
  ['POST', '/v1/console/catalog/import/preview', 'catalog.write'],
  ['POST', '/v1/console/catalog/import', 'catalog.write'],
  ['GET', '/v1/console/catalog/tills', 'catalog.read'],
  ['GET', '/v1/console/ops/dead-letters', 'ops.read'],
  ['POST', '/v1/console/ops/dead-letters/1/retry', 'ops.write'],
  ['GET', '/v1/console/ops/health', 'ops.read'],
];

const isWrite = (method: string): boolean => method !== 'GET';

describe('console route security', () => {
  let hq: TestConsole;
  let tillToken: string;
  beforeAll(async () => {
    hq = await startTestConsole('console-security');
    ({ token: tillToken } = await hq.enrollTill());
  });
  afterAll(async () => {
    await hq?.dispose();
  });

  const send = (method: string, path: string, headers: Record<string, string>) =>
    fetch(`${hq.url}${path}`, {
      method,
      headers: isWrite(method) ? { 'content-type': 'application/json', ...headers } : headers,
      ...(isWrite(method) ? { body: '{}' } : {}),
    });

  it('lists every registered console route', () => {
    for (const [method, url] of ROUTES) {
      const pattern = url
        .replace(/user-0+$/, ':userId')
        .replace(/stores\/store-1/, 'stores/:storeId')
        .replace(/tills\/till-1/, 'tills/:tillId')
        .replace(/products\/p-1/, 'products/:productId')
        .replace(/dead-letters\/1\//, 'dead-letters/:id/');
      expect(hq.service.app.hasRoute({ method: method as 'GET', url: pattern }), url).toBe(true);
    }
  });

  it('answers 401 without a session, whatever bearer token comes instead', async () => {
    for (const [method, path] of ROUTES) {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${tillToken}` },
        { authorization: `Bearer ${ADMIN_TOKEN}` },
        { cookie: 'hq_session=not-a-session' },
      ];
      for (const headers of attempts) {
        const res = await send(method, path, headers);
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    }
  });

  it('answers 403 CSRF_REJECTED to every write without the session token', async () => {
    const admin = await hq.as('admin');
    for (const [method, path] of ROUTES.filter(([m]) => isWrite(m))) {
      const res = await send(method, path, { cookie: admin.cookie });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'CSRF_REJECTED' });
      const wrong = await send(method, path, { cookie: admin.cookie, [CSRF_HEADER]: 'guess' });
      expect(wrong.status, `${method} ${path}`).toBe(403);
    }
  });

  it.each(['analyst', 'manager'] as ConsoleRole[])(
    'answers 403 FORBIDDEN where the %s role lacks the permission',
    async (role) => {
      const person = await hq.as(role);
      for (const [method, path, permission] of ROUTES) {
        if (permission === null || can(role, permission)) continue;
        const res = await send(method, path, {
          cookie: person.cookie,
          [CSRF_HEADER]: person.csrfToken,
        });
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
      // ... and reaches what it may: a read of its own kind answers.
      const stores = await person.call('GET', '/v1/console/stores');
      expect(stores.status).toBe(200);
    },
  );
});
