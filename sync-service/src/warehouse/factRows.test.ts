import { describe, expect, it } from 'vitest';
import type { EventOf, PosEvent } from '../../../shared/events';
import { buildFactRows, monthsTouched } from './factRows';
import { generateEvents } from '../../test/syntheticEvents';

const OPTIONS = {
  seed: 5,
  stores: [{ storeId: 's1', timeZone: 'UTC', tills: ['t1'] }],
  products: 10,
  fromMs: Date.UTC(2024, 0, 1),
  toMs: Date.UTC(2024, 1, 1),
  returnRate: 0.3,
  receiptRate: 0.1,
};

describe('buildFactRows', () => {
  const events = generateEvents(300, OPTIONS);
  const rows = buildFactRows(events);

  it('emits one sale line per line, returns negative and linked to the original', () => {
    const lines = events.flatMap((e) =>
      e.type === 'sale' || e.type === 'return' ? e.payload.lines : [],
    );
    expect(rows.saleLines.eventId).toHaveLength(lines.length);
    expect(rows.saleLines.net.reduce((a, b) => a + b, 0)).toBe(
      lines.reduce((a, l) => a + l.net, 0),
    );
    const returns = events.filter((e): e is EventOf<'return'> => e.type === 'return');
    expect(returns.length).toBeGreaterThan(0);
    rows.saleLines.isReturn.forEach((isReturn, i) => {
      expect(rows.saleLines.quantity[i]! < 0).toBe(isReturn);
      expect(rows.saleLines.originalEventId[i] !== null).toBe(isReturn);
    });
  });

  it('keeps explicit stock moves apart; a line knows whether its return was restocked', () => {
    expect(rows.stockMoves.eventId).toHaveLength(
      events.filter((e) => e.type === 'stock_move').length,
    );
    const restocked = events.flatMap((e) =>
      e.type === 'sale' || e.type === 'return'
        ? e.payload.lines.map(() => e.type === 'return' && e.payload.restock)
        : [],
    );
    expect(rows.saleLines.restocked).toEqual(restocked);
    expect(restocked.some(Boolean)).toBe(true);
  });

  it('keeps one snapshot per store × product, sorted by id', () => {
    const ids = rows.products.map((p) => `${p.storeId}/${p.productId}`);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  const sale = events.find((e): e is EventOf<'sale'> => e.type === 'sale')!;
  const line = sale.payload.lines[0]!;
  const edit = (name: string, occurredAt: number, storeId = 's1'): EventOf<'catalog_change'> => ({
    ...sale,
    storeId,
    occurredAt,
    type: 'catalog_change',
    payload: {
      userId: 'owner',
      product: {
        productId: line.productId,
        sku: line.sku,
        barcodes: [],
        name,
        category: 'New category',
        subCategory: '',
        unitPrice: 100,
        taxRateBp: 0,
        reorderLevel: 0,
        leadTimeDays: 0,
        active: true,
      },
    },
  });
  const soldAs = (name: string): EventOf<'sale'> => ({
    ...sale,
    payload: { ...sale.payload, lines: [{ ...line, name }] },
  });
  const labels = (events: readonly PosEvent[]) =>
    buildFactRows(events)
      .products.filter((p) => p.productId === line.productId)
      .map((p) => [p.storeId, p.name, p.edited]);

  it("takes a store's later edit, not the one with the later occurredAt", () => {
    expect(
      labels([
        edit('Future', Date.UTC(2099, 0, 1)),
        edit('Now', Date.UTC(2024, 0, 2)),
        edit('Other store', Date.UTC(2024, 0, 2), 's2'),
      ]),
    ).toEqual([
      ['s1', 'Now', true],
      ['s2', 'Other store', true],
    ]);
  });

  it('keeps an edit over any sale, and the first sale when there is no edit', () => {
    expect(labels([edit('Edited', sale.occurredAt), soldAs('Old label')])).toEqual([
      ['s1', 'Edited', true],
    ]);
    expect(labels([soldAs('First'), soldAs('Second')])).toEqual([['s1', 'First', false]]);
  });
});

describe('monthsTouched', () => {
  it('covers every time zone around a month boundary', () => {
    expect(monthsTouched([Date.UTC(2024, 0, 31, 20)])).toEqual(['2024-01-01', '2024-02-01']);
    expect(monthsTouched([Date.UTC(2024, 0, 15)])).toEqual(['2024-01-01']);
  });
});
