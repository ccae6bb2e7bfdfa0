// Turns a checked order into the same sale or return fact a checkout writes (sales/saleFact.ts),
// with the historical time and importRef. Stock is not moved: the shelf count taken today already
// reflects sales made before it.
import type { ImportRowError, Product } from '../../../shared/api/types';
import { priceCart } from '../../../shared/pricing';
import { saveProduct } from '../catalog/catalogService';
import type { CoreContext } from '../context';
import { recordSaleFact } from '../sales/saleFact';
import { negatedLine, negatedTotals, soldLine } from '../sales/saleLines';
import type { StoredSettings } from '../settings/settingsRepo';
import type { StoredUser } from '../users/usersRepo';
import { historyEventId, type HistoryOrder } from './historyOrders';
import type { HistoryRow } from './historyRows';

const PRODUCT_CACHE_LIMIT = 50_000;

/** Finds products by SKU or barcode, remembering answers; creates missing ones when asked to. */
export class HistoryProducts {
  private readonly cache = new Map<string, Product | 'missing' | 'to-create'>();
  created = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly create: boolean,
  ) {}

  /** The product for each row, or errors for rows whose product is unknown. */
  resolve(order: HistoryOrder, report: (e: ImportRowError) => void, column: string): boolean {
    let fine = true;
    for (const row of order.rows) {
      const found = this.lookup(row.code);
      if (found === 'missing') {
        if (!this.create) {
          report({
            line: row.line,
            column,
            reason: `Unknown product "${row.code}" (no such SKU or barcode). Add it first, or choose to create missing products.`,
          });
          fine = false;
        } else this.cache.set(row.code, 'to-create');
      }
    }
    return fine;
  }

  /** Inside the write transaction: the product, created now if it was missing. */
  productFor(row: HistoryRow, userId: string): Product | null {
    const found = this.lookup(row.code);
    if (found !== 'missing' && found !== 'to-create') return found;
    if (!this.create) return null;
    const saved = saveProduct(
      this.ctx,
      undefined,
      {
        sku: row.code,
        barcodes: [],
        name: (row.productName || row.code).slice(0, 200),
        category: row.category.slice(0, 200),
        subCategory: '',
        unitPrice: row.unitPrice,
        taxRateBp: 0,
        reorderLevel: 0,
        leadTimeDays: 0,
        active: true,
      },
      userId,
    );
    this.created++;
    this.cache.set(row.code, saved);
    return saved;
  }

  /** Products to be created by a real run (a check run only counts them). */
  get pendingCreates(): number {
    let n = 0;
    for (const v of this.cache.values()) if (v === 'to-create') n++;
    return n;
  }

  private lookup(code: string): Product | 'missing' | 'to-create' {
    const hit = this.cache.get(code);
    if (hit !== undefined) return hit;
    const p = this.ctx.repos.catalog.lookup(code);
    if (this.cache.size >= PRODUCT_CACHE_LIMIT) this.cache.clear();
    this.cache.set(code, p ?? 'missing');
    return p ?? 'missing';
  }
}

export interface WriterIdentity {
  settings: StoredSettings;
  user: StoredUser;
}

const receiptNoOf = (settings: StoredSettings, order: HistoryOrder): string =>
  `H-${settings.storeCode}-${order.orderId}${order.kind === 'return' ? '-R' : ''}`.slice(0, 80);

/** Writes one order (caller holds the transaction and has checked it is not there yet). */
export const writeHistoryOrder = (
  ctx: CoreContext,
  who: WriterIdentity,
  products: HistoryProducts,
  order: HistoryOrder,
): void => {
  const { settings, user } = who;
  const isReturn = order.kind === 'return';
  const snapshot = order.rows.map((row) => ({ row, product: products.productFor(row, user.id)! }));
  const priced = priceCart(
    snapshot.map(({ row, product }) => ({
      unitPrice: row.unitPrice,
      quantity: row.quantity,
      taxRateBp: product.taxRateBp,
      discount: null,
    })),
    null,
    settings.taxMode,
  );
  const lines = snapshot.map(({ row, product }, i) => {
    const line = soldLine(
      i + 1,
      isReturn ? i + 1 : null,
      {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        category: row.category || product.category,
        subCategory: product.subCategory,
        unitPrice: row.unitPrice,
        taxRateBp: product.taxRateBp,
      },
      row.quantity,
      priced.lines[i]!,
    );
    return isReturn ? negatedLine(line) : line;
  });
  const totals = isReturn ? negatedTotals(priced.totals) : priced.totals;
  const receiptNo = receiptNoOf(settings, order);
  const fact = {
    eventId: order.eventId,
    receiptNo,
    occurredAt: order.rows[0]!.at,
    till: settings,
    cashier: user,
    shiftId: null,
    currency: settings.currency,
    taxMode: settings.taxMode,
    lines,
    totals,
    payments: [{ tender: 'other' as const, amount: totals.total, reference: 'history import' }],
    moveStock: false,
    importRef: `${order.kind}:${order.orderId}`,
  };
  if (!isReturn) {
    recordSaleFact(ctx, { ...fact, kind: 'sale', changeGiven: 0 });
    return;
  }
  const originalOrderId = order.rows[0]!.originalOrderId;
  recordSaleFact(ctx, {
    ...fact,
    kind: 'return',
    original: {
      eventId: historyEventId(settings.storeId, 'sale', originalOrderId),
      receiptNo: `H-${settings.storeCode}-${originalOrderId}`.slice(0, 80),
      // The original sale may predate the import (paper), so it is linked on the wire only.
      linkRow: false,
    },
    reason: 'history import',
    restock: false,
  });
};
