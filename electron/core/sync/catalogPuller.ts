// Pulls HQ's catalog by cursor and applies it to the local catalog. HQ wins for every field of
// its product snapshot (name, prices, tax, barcodes, reorder data, active); stock on hand stays
// the till's own. Past sales are untouched: each sale line stores its sold-as snapshot. Each page
// and its cursor commit in one transaction, so a crash mid-pull resumes at the right page.
// Products and barcodes change only through the catalog's repository (catalog/catalogRepo.ts);
// this side writes only its own record of HQ's snapshots (hq_products).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ProductSnapshot } from '../../../shared/events/catalog';
import { catalogItemSchema, type CatalogItem } from '../../../shared/sync/gatewayApi';
import type { CatalogRepo, ProductFields } from '../catalog/catalogRepo';
import { callGateway, type GatewayFailure } from './gatewayClient';
import type { SyncSettings, TokenVault } from './syncSettings';

// Items are checked one by one (catalogItemSchema) so one bad product cannot stall the pull.
const lenientPageSchema = z.object({
  items: z.array(z.unknown()),
  cursor: z.string(),
  hasMore: z.boolean(),
});

export interface CatalogPullOutcome {
  applied: number;
  skipped: number;
  pages: number;
}

export interface CatalogPullerDeps {
  /** For the page's transaction and hq_products. */
  db: Database.Database;
  /** The core's catalog repository (the main connection's). */
  catalog: CatalogRepo;
  settings: SyncSettings;
  vault: TokenVault;
  now: () => number;
  log?: (message: string) => void;
  pageSize?: number;
  timeoutMs?: number;
  /** Stops a pull of a huge catalog from running forever in one go. */
  maxPages?: number;
}

const toFields = (p: ProductSnapshot): ProductFields => ({
  sku: p.sku,
  barcodes: p.barcodes,
  name: p.name,
  category: p.category,
  subCategory: p.subCategory,
  unitPrice: p.unitPrice,
  taxRateBp: p.taxRateBp,
  reorderLevel: p.reorderLevel,
  leadTimeDays: p.leadTimeDays,
  active: p.active,
});

export const createCatalogApplier = (db: Database.Database, catalog: CatalogRepo) => {
  const remember = db.prepare<[string, string, number]>(
    `INSERT INTO hq_products (product_id, snapshot, applied_at) VALUES (?, ?, ?)
     ON CONFLICT (product_id) DO UPDATE SET snapshot = excluded.snapshot, applied_at = excluded.applied_at`,
  );

  /** Applies one HQ item; must run inside a transaction. Returns the local product id. */
  return (item: CatalogItem, at: number): string => {
    const p = item.product;
    const fields = toFields(p);
    // Same product id first; else a product this till created under the same SKU (created
    // before enrolment) becomes the HQ product, keeping its local id and stock history.
    const existing = catalog.get(p.productId) ?? catalog.getBySku(p.sku);
    const localId = existing?.id ?? p.productId;
    // A local-only product that holds the SKU HQ now uses keeps its data under a marked SKU.
    catalog.moveSkuAside(p.sku, `${p.sku}~local-${localId.slice(0, 8)}`, localId);
    for (const barcode of p.barcodes) catalog.releaseBarcode(barcode, localId);
    if (existing) catalog.update(localId, fields, at);
    else catalog.insert(localId, fields, at);
    remember.run(p.productId, JSON.stringify(item), at);
    return localId;
  };
};

export const pullCatalog = async (
  deps: CatalogPullerDeps,
): Promise<{ ok: true; value: CatalogPullOutcome } | { ok: false; failure: GatewayFailure }> => {
  const { db, settings, vault } = deps;
  const identity = settings.identity();
  const token = vault.load();
  if (identity === null || token === null)
    return { ok: true, value: { applied: 0, skipped: 0, pages: 0 } };
  const apply = createCatalogApplier(db, deps.catalog);
  const applyPage = db.transaction((items: CatalogItem[], cursor: string, at: number) => {
    for (const item of items) apply(item, at);
    settings.set('catalog_cursor', cursor);
    settings.set('catalog_synced_at', String(at));
  });

  const outcome: CatalogPullOutcome = { applied: 0, skipped: 0, pages: 0 };
  const limit = deps.pageSize ?? 500;
  for (let page = 0; page < (deps.maxPages ?? 1_000); page++) {
    const since = settings.get('catalog_cursor');
    const query = new URLSearchParams({ limit: String(limit) });
    if (since !== null) query.set('since', since);
    const answer = await callGateway(
      {
        baseUrl: identity.hqUrl,
        path: `/v1/catalog?${query.toString()}`,
        method: 'GET',
        token,
        timeoutMs: deps.timeoutMs ?? 30_000,
      },
      (body) => {
        const parsed = lenientPageSchema.safeParse(body);
        return parsed.success ? parsed.data : null;
      },
    );
    if (answer.kind === 'not-modified') break;
    if (answer.kind !== 'ok') return { ok: false, failure: answer };
    const valid: CatalogItem[] = [];
    for (const raw of answer.value.items) {
      const parsed = catalogItemSchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else outcome.skipped += 1;
    }
    if (valid.length < answer.value.items.length)
      deps.log?.(
        `catalog pull: skipped ${answer.value.items.length - valid.length} invalid products`,
      );
    const cursor = answer.value.cursor;
    applyPage(valid, cursor, deps.now());
    outcome.applied += valid.length;
    outcome.pages += 1;
    if (!answer.value.hasMore || cursor === since) break;
  }
  return { ok: true, value: outcome };
};
