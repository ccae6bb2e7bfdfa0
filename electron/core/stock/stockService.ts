// Goods receipts and manual adjustments (owner only), and the stock list with days of cover and
// the refill flag computed by the shared KPI definition.
import type { ApiParsedInput } from '../../../shared/api/inputs';
import type { StockRow } from '../../../shared/api/types';
import type { StockLevel } from '../../../shared/kpi/stockKpis';
import { STOCK_COVER_WINDOW_DAYS, stockCover } from '../../../shared/kpi/stockCover';
import { AppFailure } from '../../../shared/result';
import {
  inTransaction,
  newEventId,
  requireSettings,
  requireUser,
  type CoreContext,
} from '../context';
import { requireOwnerApproval } from '../users/ownerApproval';
import type { StockReason } from './stockRepo';

const DAY_MS = 86_400_000;

/** One ledger row, the cached on-hand, and its stock_move outbox event, in the caller's transaction. */
export const recordStockEvent = (
  ctx: CoreContext,
  move: {
    productId: string;
    quantity: number;
    reason: Extract<StockReason, 'receipt' | 'adjustment' | 'opening' | 'count'>;
    unitCost: number | null;
    note: string;
    userId: string;
  },
): void => {
  const settings = requireSettings(ctx);
  const product = ctx.repos.catalog.get(move.productId);
  if (!product) throw new AppFailure('PRODUCT_NOT_FOUND', `No product ${move.productId}.`);
  const eventId = newEventId(ctx);
  const at = ctx.clock.now();
  ctx.repos.stock.record({ ...move, refEventId: eventId, occurredAt: at });
  ctx.repos.outbox.append({
    eventId,
    type: 'stock_move',
    storeId: settings.storeId,
    tillId: settings.tillId,
    occurredAt: at,
    payload: {
      reason: move.reason,
      productId: product.id,
      sku: product.sku,
      quantity: move.quantity,
      unitCost: move.unitCost,
      note: move.note,
      userId: move.userId,
    },
  });
};

export const receiveStock = (
  ctx: CoreContext,
  input: ApiParsedInput<'stock-receive'>,
): { moves: number } =>
  inTransaction(ctx, () => {
    requireUser(ctx);
    const approver = requireOwnerApproval(ctx, input.ownerPin, 'Receiving stock');
    for (const item of input.items) {
      recordStockEvent(ctx, {
        productId: item.productId,
        quantity: item.quantity,
        reason: 'receipt',
        unitCost: item.unitCost,
        note: input.note,
        userId: approver.id,
      });
    }
    return { moves: input.items.length };
  });

export const adjustStock = (
  ctx: CoreContext,
  input: ApiParsedInput<'stock-adjust'>,
): { onHand: number } =>
  inTransaction(ctx, () => {
    requireUser(ctx);
    const approver = requireOwnerApproval(ctx, input.ownerPin, 'A stock adjustment');
    recordStockEvent(ctx, {
      productId: input.productId,
      quantity: input.delta,
      reason: 'adjustment',
      unitCost: null,
      note: input.reason,
      userId: approver.id,
    });
    return { onHand: ctx.repos.catalog.onHand(input.productId) ?? 0 };
  });

export const listStock = (
  ctx: CoreContext,
  input: ApiParsedInput<'stock-list'>,
): { items: StockRow[]; total: number } => {
  const since = ctx.clock.now() - STOCK_COVER_WINDOW_DAYS * DAY_MS;
  const { stock } = ctx.repos;
  const row = (p: Omit<StockLevel, 'productId'> & { id: string }, units: number): StockRow => {
    const cover = stockCover({
      onHand: p.onHand,
      reorderLevel: p.reorderLevel,
      leadTimeDays: p.leadTimeDays,
      unitsLast28Days: units,
    });
    return {
      productId: p.id,
      sku: p.sku,
      name: p.name,
      category: p.category,
      onHand: p.onHand,
      reorderLevel: p.reorderLevel,
      leadTimeDays: p.leadTimeDays,
      avgDailyUnits28d: cover.avgDailyUnits28d,
      daysOfCover: cover.daysOfCover,
      needsRefill: cover.needsRefill,
      lastReceivedAt: null,
    };
  };
  const withReceipt = (r: StockRow): StockRow => ({
    ...r,
    lastReceivedAt: stock.lastReceivedAt(r.productId),
  });

  if (!input.onlyRefill) {
    const page = ctx.repos.catalog.list(input.query, null, input.offset, input.limit);
    return {
      total: page.total,
      items: page.items.map((p) => withReceipt(row(p, stock.unitsOutSince(p.id, since)))),
    };
  }
  // The refill list needs every active product's flag: stream them (never hold the catalog) with
  // one grouped query for the 28-day units, keep the requested page.
  const units = stock.unitsOutSinceAll(since);
  const needle = input.query.trim().toLowerCase();
  const scannedId = needle ? ctx.repos.catalog.barcodeOwner(input.query.trim()) : null;
  const items: StockRow[] = [];
  let total = 0;
  for (const p of stock.iterateActive()) {
    const matches =
      p.id === scannedId ||
      p.name.toLowerCase().includes(needle) ||
      p.sku.toLowerCase().includes(needle);
    if (needle && !matches) continue;
    const r = row(
      {
        id: p.id,
        sku: p.sku,
        name: p.name,
        category: p.category,
        onHand: p.on_hand,
        reorderLevel: p.reorder_level,
        leadTimeDays: p.lead_time_days,
      },
      units.get(p.id) ?? 0,
    );
    if (!r.needsRefill) continue;
    if (total >= input.offset && items.length < input.limit) items.push(withReceipt(r));
    total++;
  }
  return { items, total };
};
