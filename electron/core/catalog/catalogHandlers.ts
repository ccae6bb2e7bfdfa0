import { inTransaction } from '../context';
import type { HandlerMap } from '../handlerTypes';
import { requireOwnerApproval } from '../users/ownerApproval';
import { saveProduct } from './catalogService';
import { commitImport, previewImport } from './csvImport/importService';

type CatalogMethods =
  | 'catalog-search'
  | 'catalog-list'
  | 'catalog-categories'
  | 'catalog-upsert'
  | 'catalog-import-preview'
  | 'catalog-import-commit';

export const catalogHandlers: HandlerMap<CatalogMethods> = {
  'catalog-search': (ctx, { query, limit }) => ctx.repos.catalog.search(query, limit),
  'catalog-list': (ctx, { query, category, offset, limit }) =>
    ctx.repos.catalog.list(query, category ?? null, offset, limit),
  'catalog-categories': (ctx) => ctx.repos.catalog.categories(),
  'catalog-upsert': (ctx, { productId, product, ownerPin }) =>
    inTransaction(ctx, () => {
      const approver = requireOwnerApproval(ctx, ownerPin, 'Editing the catalog');
      return saveProduct(ctx, productId, product, approver.id);
    }),
  'catalog-import-preview': (ctx, { csv, kind }) => previewImport(ctx, kind, csv),
  'catalog-import-commit': (ctx, { csv, kind, ownerPin }) => {
    const approver = requireOwnerApproval(ctx, ownerPin, 'Importing');
    return commitImport(ctx, kind, csv, approver.id);
  },
};
