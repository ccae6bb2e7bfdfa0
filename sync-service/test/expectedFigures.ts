// Figures computed independently from the events in plain TypeScript (local days via Intl, not
// SQL), to check what the consumer wrote to Postgres.
import type { PosEvent } from '../../shared/events/index';
import { localDayOf } from '../../shared/calendar';

export interface StoreFigures {
  orders: number;
  returns: number;
  net: number;
  gross: number;
  tax: number;
  discount: number;
  units: number;
  lines: number;
}

const empty = (): StoreFigures => ({
  orders: 0,
  returns: 0,
  net: 0,
  gross: 0,
  tax: 0,
  discount: 0,
  units: 0,
  lines: 0,
});

/** YYYY-MM-DD of `ms` on the store's calendar (shared/calendar.ts). */
export const localDay = (ms: number, timeZone: string): string => localDayOf(ms, timeZone);

export interface ExpectedFigures {
  byStore: Map<string, StoreFigures>;
  /** `${storeId}|${YYYY-MM-DD}` → net. */
  netByStoreDay: Map<string, number>;
  /** `${storeId}|${productId}` → on hand. */
  onHand: Map<string, number>;
  saleLines: number;
  stockMoves: number;
  events: number;
}

export const expectedFigures = (
  events: readonly PosEvent[],
  timeZones: ReadonlyMap<string, string>,
): ExpectedFigures => {
  const byStore = new Map<string, StoreFigures>();
  const netByStoreDay = new Map<string, number>();
  const onHand = new Map<string, number>();
  let saleLines = 0;
  let stockMoves = 0;
  const seen = new Set<string>();
  const move = (store: string, product: string, q: number): void => {
    onHand.set(`${store}|${product}`, (onHand.get(`${store}|${product}`) ?? 0) + q);
    stockMoves += 1;
  };
  for (const e of events) {
    if (seen.has(e.eventId)) continue;
    seen.add(e.eventId);
    if (e.type === 'stock_move') move(e.storeId, e.payload.productId, e.payload.quantity);
    if (e.type !== 'sale' && e.type !== 'return') continue;
    const f = byStore.get(e.storeId) ?? empty();
    if (e.type === 'sale') f.orders += 1;
    else f.returns += 1;
    const day = `${e.storeId}|${localDay(e.occurredAt, timeZones.get(e.storeId) ?? 'UTC')}`;
    for (const l of e.payload.lines) {
      f.net += l.net;
      f.gross += l.gross;
      f.tax += l.tax;
      f.discount += l.discount;
      f.units += l.quantity;
      f.lines += 1;
      saleLines += 1;
      netByStoreDay.set(day, (netByStoreDay.get(day) ?? 0) + l.net);
      if (e.type === 'sale' || e.payload.restock) move(e.storeId, l.productId, -l.quantity);
    }
    byStore.set(e.storeId, f);
  }
  return { byStore, netByStoreDay, onHand, saleLines, stockMoves, events: seen.size };
};
