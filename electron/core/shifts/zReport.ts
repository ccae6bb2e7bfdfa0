// The Z report of a shift: what was sold, returned, discounted and taxed, what each tender took,
// and how the drawer should stand:
//   expected cash = float + cash sales − change given − cash refunds + cash in − cash out
// Refund payments are stored negative, and sale cash payments include the note handed over, so
// "cash by tender" (payments − change) already is cash sales − change − cash refunds.
//
// The lines reconcile (zReport.test.ts checks it over random shifts):
//   inclusive store: gross − discounts − returns − tax = net
//   exclusive store: gross − discounts − returns       = net   (tax is charged on top)
// "Discounts" are the discounts given on sales; "returns" are what the returned items were
// sold for after their discount (shelf terms), so a returned item's discount is already inside
// the returns line and must not also be taken off the discounts line.
import type { ZReport, ZReportCashierLine } from '../../../shared/api/types';
import type { TaxMode } from '../../../shared/pricing';
import type { TenderType } from '../../../shared/tender';
import type { CashierKindTotals, KindTotals, ShiftRow } from './shiftRepo';

export interface ZReportInput {
  shift: ShiftRow;
  storeName: string;
  tillId: string;
  currency: string;
  closedAt: number;
  countedCash: number;
  taxMode: TaxMode;
  kindTotals: readonly KindTotals[];
  tenderTotals: readonly { tender: TenderType; amount: number }[];
  cashIn: number;
  cashOut: number;
  voids: { count: number; total: number };
  byCashier: readonly CashierKindTotals[];
  closedByName: string | null;
}

/** One line per cashier, the shift's opener first, then by name. */
const cashierLines = (
  rows: readonly CashierKindTotals[],
  openerId: string,
): ZReportCashierLine[] => {
  const lines = new Map<string, ZReportCashierLine>();
  for (const r of rows) {
    const line = lines.get(r.cashierId) ?? {
      cashierId: r.cashierId,
      cashierName: r.cashierName,
      salesCount: 0,
      salesTotal: 0,
      returnsCount: 0,
      returnsTotal: 0,
      voidsCount: 0,
      voidsTotal: 0,
    };
    if (r.kind === 'sale') {
      line.salesCount += r.count;
      line.salesTotal += r.total;
    } else if (r.kind === 'return') {
      line.returnsCount += r.count;
      line.returnsTotal += r.total;
    } else {
      line.voidsCount += r.count;
      line.voidsTotal += r.total;
    }
    lines.set(r.cashierId, line);
  }
  return [...lines.values()].sort((a, b) =>
    a.cashierId === openerId
      ? -1
      : b.cashierId === openerId
        ? 1
        : a.cashierName.localeCompare(b.cashierName),
  );
};

export const buildZReport = (z: ZReportInput): ZReport => {
  const sales = z.kindTotals.find((k) => k.kind === 'sale');
  const returns = z.kindTotals.find((k) => k.kind === 'return');
  const change = sales?.change ?? 0;
  const byTender = z.tenderTotals
    .map((t) => ({ tender: t.tender, amount: t.tender === 'cash' ? t.amount - change : t.amount }))
    .filter((t) => t.amount !== 0 || t.tender === 'cash');
  if (!byTender.some((t) => t.tender === 'cash') && change !== 0)
    byTender.push({ tender: 'cash', amount: -change });
  const returnsShelf = (returns?.gross ?? 0) - (returns?.discount ?? 0);
  const cashTaken = byTender.find((t) => t.tender === 'cash')?.amount ?? 0;
  const expectedCash = z.shift.openingFloat + cashTaken + z.cashIn - z.cashOut;
  return {
    shiftId: z.shift.id,
    storeName: z.storeName,
    tillId: z.tillId,
    cashierName: z.shift.cashierName,
    openedAt: z.shift.openedAt,
    closedAt: z.closedAt,
    currency: z.currency,
    openingFloat: z.shift.openingFloat,
    salesCount: sales?.count ?? 0,
    returnsCount: returns?.count ?? 0,
    grossSales: sales?.gross ?? 0,
    taxMode: z.taxMode,
    discounts: sales?.discount ?? 0,
    returnsTotal: returnsShelf,
    netSales: (sales?.net ?? 0) + (returns?.net ?? 0),
    tax: (sales?.tax ?? 0) + (returns?.tax ?? 0),
    byTender,
    voidsCount: z.voids.count,
    voidsTotal: z.voids.total,
    byCashier: cashierLines(z.byCashier, z.shift.cashierId),
    closedByName: z.closedByName,
    cashIn: z.cashIn,
    cashOut: z.cashOut,
    expectedCash,
    countedCash: z.countedCash,
    variance: z.countedCash - expectedCash,
  };
};
