// The chain's catalog: the demo shop's products (names, prices, GST, reorder data) with stable
// HQ product ids, so every till of every store sells the same product under the same id. The
// selling weights and wedding-wear flags stay with the simulator (they are demand, not catalog).
import { en, en_IN, Faker } from '@faker-js/faker';
import type { ProductSnapshot } from '../../shared/events/catalog';
import { buildDemoCatalog } from '../../electron/core/demo/demoCatalog';

export interface ChainProduct {
  snapshot: ProductSnapshot;
  weight: number;
  wedding: boolean;
}

/** `count` products spread evenly over the demo catalog's categories (all when count ≥ size). */
export const buildChainCatalog = (seed: number, count: number): ChainProduct[] => {
  const faker = new Faker({ locale: [en_IN, en] });
  faker.seed(seed);
  const all = buildDemoCatalog(faker);
  const take = Math.max(1, Math.min(count, all.length));
  const step = all.length / take;
  const picked = Array.from({ length: take }, (_, i) => all[Math.floor(i * step)]!);
  return picked.map(({ weight, wedding, ...fields }) => ({
    snapshot: { productId: `p-${fields.sku}`, ...fields },
    weight,
    wedding,
  }));
};
