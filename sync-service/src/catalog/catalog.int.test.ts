// HQ catalog publishing and cursor paging against the real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import {
  catalogPageSchema,
  catalogPutResponseSchema,
  type CatalogItem,
} from '../../../shared/sync/gatewayApi';
import { startTestGateway, type TestGateway } from '../../test/gatewayTestKit';

const product = (n: number, overrides: Partial<ProductSnapshot> = {}): ProductSnapshot => ({
  productId: `p-${String(n).padStart(4, '0')}`,
  sku: `SKU-${n}`,
  barcodes: [`400000000${String(n).padStart(4, '0')}`],
  name: `Product ${n}`,
  category: n % 2 === 0 ? 'Drinks' : 'Snacks',
  subCategory: '',
  unitPrice: 100 + n,
  taxRateBp: 1_900,
  reorderLevel: 5,
  leadTimeDays: 3,
  active: true,
  ...overrides,
});

describe('catalog down', () => {
  let gw: TestGateway;
  let token: string;
  beforeAll(async () => {
    gw = await startTestGateway('catalog');
    ({ token } = await gw.enrollTill());
  });
  afterAll(async () => {
    await gw?.dispose();
  });

  const pull = async (since: string | null, limit: number) => {
    const query = new URLSearchParams({
      limit: String(limit),
      ...(since === null ? {} : { since }),
    });
    const res = await fetch(`${gw.url}/v1/catalog?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return catalogPageSchema.parse(await res.json());
  };

  const pullAll = async (since: string | null, limit: number) => {
    const items: CatalogItem[] = [];
    let cursor = since;
    let pages = 0;
    for (;;) {
      const page = await pull(cursor, limit);
      items.push(...page.items);
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) return { items, cursor, pages };
    }
  };

  it('publishes products and pages through them by cursor', async () => {
    const products = Array.from({ length: 23 }, (_, i) => product(i + 1));
    const put = await gw.admin('PUT', '/v1/admin/catalog/products', products);
    expect(put.status).toBe(200);
    expect(catalogPutResponseSchema.parse(await put.json())).toEqual({
      changed: 23,
      unchanged: 0,
      version: 23,
    });

    const all = await pullAll(null, 10);
    expect(all.pages).toBe(3);
    expect(all.items.map((i) => i.product)).toEqual(products);
    expect(all.items.map((i) => i.version)).toEqual(products.map((_, i) => i + 1));
    expect(all.cursor).toBe('23');

    // Nothing new: same cursor back, no items.
    expect(await pull(all.cursor, 10)).toEqual({ items: [], cursor: '23', hasMore: false });

    // An unchanged resend keeps versions; a price change and a new product get new versions.
    const changes = [product(1), product(5, { unitPrice: 999 }), product(24)];
    const second = catalogPutResponseSchema.parse(
      await (await gw.admin('PUT', '/v1/admin/catalog/products', changes)).json(),
    );
    expect(second).toEqual({ changed: 2, unchanged: 1, version: 25 });
    const delta = await pullAll(all.cursor, 10);
    expect(delta.items.map((i) => [i.version, i.product.productId, i.product.unitPrice])).toEqual([
      [24, 'p-0005', 999],
      [25, 'p-0024', 124],
    ]);
    // Key order does not matter for "unchanged".
    const reordered = Object.fromEntries(Object.entries(product(2)).reverse());
    const third = catalogPutResponseSchema.parse(
      await (await gw.admin('PUT', '/v1/admin/catalog/products', [reordered])).json(),
    );
    expect(third).toEqual({ changed: 0, unchanged: 1, version: 25 });
  });

  it('never skips a change when writers race', async () => {
    const start = (await pull(null, 1000)).cursor;
    await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        gw.admin('PUT', '/v1/admin/catalog/products', [product(100 + w), product(200 + w)]),
      ),
    );
    const delta = await pullAll(start, 5);
    expect(delta.items).toHaveLength(12);
    const versions = delta.items.map((i) => i.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(12);
  });

  it('validates input and requires the right tokens', async () => {
    const bad = await gw.admin('PUT', '/v1/admin/catalog/products', [
      { ...product(1), unitPrice: -5 },
    ]);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const notArray = await gw.admin('PUT', '/v1/admin/catalog/products', { products: [] });
    expect(notArray.status).toBe(400);
    const asTill = await fetch(`${gw.url}/v1/admin/catalog/products`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(asTill.status).toBe(401);
    const anonymous = await fetch(`${gw.url}/v1/catalog`);
    expect(anonymous.status).toBe(401);
    for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=5000', 'since=1e3']) {
      const res = await fetch(`${gw.url}/v1/catalog?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, query).toBe(400);
    }
  });
});
