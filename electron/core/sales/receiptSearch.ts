// Finding a past receipt (F5 list, returns): by its number in any case or its sequence number
// alone, by an item's name or SKU, by the amount paid, and on a given local day of the store.
// The receipt whose number the text names comes first; then the other matches, newest first.
import type { ReceiptMatch } from '../../../shared/api/types';
import { parseMoney } from '../../../shared/money';
import { localDayBounds, parseDay } from '../analytics/storeCalendar';
import { requireSettings, type CoreContext } from '../context';
import { findReceiptHeader } from './receiptView';
import type { SaleHeader } from './salesRepo';

/** "₹1,499.00", "1499", "1,499" → minor units; null when the text is not only an amount. */
export const amountOfSearch = (text: string, currency: string): number | null => {
  if (!/\d/.test(text) || /[\p{L}]/u.test(text.replace(/^[A-Za-z]{3}\s*/, ''))) return null;
  let digits = text.replace(/[^\d.,]/g, '');
  // "1,499" and "1,03,947.00" use commas to group; "12,50" is a decimal comma.
  if (digits.includes('.') || /,\d{3}$/.test(digits)) digits = digits.replace(/,/g, '');
  return parseMoney(digits, currency);
};

const ALL_TIME = { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };

export const searchReceipts = (
  ctx: CoreContext,
  input: { query: string; day?: string | undefined; limit: number },
): ReceiptMatch[] => {
  const settings = requireSettings(ctx);
  const text = input.query.trim();
  const bounds = input.day ? localDayBounds(settings.timeZone, parseDay(input.day)) : ALL_TIME;
  const inDay = (h: SaleHeader) => h.occurredAt >= bounds.start && h.occurredAt < bounds.end;
  const named = text ? findReceiptHeader(ctx, text) : null;
  const rows = ctx.repos.sales.search({
    from: bounds.start,
    to: bounds.end,
    text,
    amount: text ? amountOfSearch(text, settings.currency) : null,
    limit: input.limit,
  });
  const first = named && inDay(named) ? named : null;
  const firstItem = first ? (ctx.repos.sales.lines(first.eventId)[0]?.name ?? null) : null;
  const matches = [
    ...(first ? [{ ...first, firstItem }] : []),
    ...rows.filter((r) => r.eventId !== first?.eventId),
  ];
  return matches.slice(0, input.limit).map((s) => ({
    eventId: s.eventId,
    receiptNo: s.receiptNo,
    kind: s.kind,
    occurredAt: s.occurredAt,
    total: s.total,
    cashierName: s.cashierName,
    firstItem: s.firstItem,
  }));
};
