// The simulator's HQ side: creates stores and tills through the sync service's admin API (the
// same calls an HQ operator makes) and publishes the chain catalog that every till pulls down.
import type { ProductSnapshot } from '../../shared/events/catalog';
import type { CreateTillResponse, Store } from '../../shared/sync/gatewayApi';

export interface HqAdmin {
  url: string;
  createStore(input: { name: string; city: string; region: string }): Promise<Store>;
  createTill(storeId: string, name: string): Promise<CreateTillResponse>;
  putCatalog(products: readonly ProductSnapshot[]): Promise<void>;
}

export const hqAdmin = (url: string, adminToken: string): HqAdmin => {
  const call = async <T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`HQ ${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    url,
    createStore: (input) =>
      call<Store>('POST', '/v1/admin/stores', {
        ...input,
        country: 'India',
        currency: 'INR',
        timeZone: 'Asia/Kolkata',
      }),
    createTill: (storeId, name) =>
      call<CreateTillResponse>('POST', `/v1/admin/stores/${storeId}/tills`, { name }),
    putCatalog: async (products) => {
      await call('PUT', '/v1/admin/catalog/products', products);
    },
  };
};
