// The printable receipt of a sale or a return, read back from what was committed.
import type { Receipt } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import { requireSettings, type CoreContext } from '../context';
import { formatReceiptNo } from '../settings/settingsRepo';
import type { SaleHeader } from './salesRepo';
import { receiptLine, wirePayment } from './saleLines';

export const receiptFor = (ctx: CoreContext, eventId: string): Receipt => {
  const settings = requireSettings(ctx);
  const { sales } = ctx.repos;
  const header = sales.get(eventId);
  if (!header) throw new AppFailure('SALE_NOT_FOUND', 'No sale or return with that id.');
  const returned =
    header.kind === 'sale' ? sales.returnedQuantities(eventId) : new Map<number, number>();
  const original = header.originalEventId ? sales.get(header.originalEventId) : null;
  return {
    kind: header.kind,
    eventId: header.eventId,
    receiptNo: header.receiptNo,
    occurredAt: header.occurredAt,
    storeName: settings.storeName,
    receiptHeader: settings.receiptHeader,
    cashierName: header.cashierName,
    currency: header.currency,
    taxMode: header.taxMode,
    lines: sales.lines(eventId).map((l) => receiptLine(l, returned.get(l.lineNo) ?? 0)),
    totals: {
      gross: header.gross,
      discount: header.discount,
      tax: header.tax,
      net: header.net,
      total: header.total,
      units: header.units,
    },
    payments: sales.payments(eventId).map(wirePayment),
    change: header.changeGiven,
    originalReceiptNo: original?.receiptNo ?? null,
  };
};

export const receiptByNumberOrId = (
  ctx: CoreContext,
  receiptNo: string | undefined,
  eventId: string | undefined,
): Receipt => {
  if (eventId !== undefined) return receiptFor(ctx, eventId);
  if (receiptNo === undefined)
    throw new AppFailure('VALIDATION', 'receiptNo: give a receipt number or an event id.');
  const header = findReceiptHeader(ctx, receiptNo);
  if (!header) throw new AppFailure('SALE_NOT_FOUND', `No receipt ${receiptNo}.`);
  return receiptFor(ctx, header.eventId);
};

/**
 * A receipt number as a cashier types it: in any case ("s1-t1-000042"), or only its sequence
 * number ("42" or "000042", read as this till's receipt).
 */
export const findReceiptHeader = (ctx: CoreContext, typed: string): SaleHeader | null => {
  const { sales } = ctx.repos;
  const text = typed.trim();
  if (text === '') return null;
  const found = sales.getByReceiptAnyCase(text);
  if (found) return found;
  if (!/^\d{1,9}$/.test(text)) return null;
  const settings = requireSettings(ctx);
  return sales.getByReceipt(formatReceiptNo(settings.storeCode, settings.tillCode, Number(text)));
};
