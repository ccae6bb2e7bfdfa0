// Shift lifecycle: open with a float, move cash in or out with a reason, close with the counted
// cash. Each step is one transaction with its outbox event.
import type { ShiftSummary, ZReport } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import {
  inTransaction,
  newEventId,
  requireSettings,
  requireUser,
  type CoreContext,
} from '../context';
import type { ShiftRow } from './shiftRepo';
import { buildZReport } from './zReport';

export const shiftSummary = (s: ShiftRow): ShiftSummary => ({
  id: s.id,
  cashierId: s.cashierId,
  cashierName: s.cashierName,
  openedAt: s.openedAt,
  closedAt: s.closedAt,
  openingFloat: s.openingFloat,
});

export const requireOpenShift = (ctx: CoreContext): ShiftRow => {
  const shift = ctx.repos.shifts.current();
  if (!shift) throw new AppFailure('NO_OPEN_SHIFT', 'Open a shift before selling.');
  return shift;
};

export const openShift = (ctx: CoreContext, openingFloat: number): ShiftSummary =>
  inTransaction(ctx, () => {
    const settings = requireSettings(ctx);
    const user = requireUser(ctx);
    if (ctx.repos.shifts.current())
      throw new AppFailure('SHIFT_ALREADY_OPEN', 'A shift is already open on this till.');
    const id = newEventId(ctx);
    const at = ctx.clock.now();
    ctx.repos.shifts.open(id, user.id, at, openingFloat);
    ctx.repos.outbox.append({
      eventId: id,
      type: 'shift_open',
      storeId: settings.storeId,
      tillId: settings.tillId,
      occurredAt: at,
      payload: { shiftId: id, cashierId: user.id, openingFloat },
    });
    return shiftSummary(ctx.repos.shifts.get(id)!);
  });

export const moveCash = (ctx: CoreContext, amount: number, reason: string): ShiftSummary =>
  inTransaction(ctx, () => {
    const settings = requireSettings(ctx);
    const user = requireUser(ctx);
    const shift = requireOpenShift(ctx);
    const eventId = newEventId(ctx);
    const at = ctx.clock.now();
    ctx.repos.shifts.addCashMove({
      eventId,
      shiftId: shift.id,
      userId: user.id,
      amount,
      reason,
      occurredAt: at,
    });
    ctx.repos.outbox.append({
      eventId,
      type: 'cash_movement',
      storeId: settings.storeId,
      tillId: settings.tillId,
      occurredAt: at,
      payload: { shiftId: shift.id, userId: user.id, amount, reason },
    });
    return shiftSummary(shift);
  });

const computeZReport = (
  ctx: CoreContext,
  shift: ShiftRow,
  closedAt: number,
  countedCash: number | null,
): ZReport => {
  const settings = requireSettings(ctx);
  const { cashIn, cashOut } = ctx.repos.shifts.cashSums(shift.id);
  const report = buildZReport({
    shift,
    storeName: settings.storeName,
    tillId: settings.tillId,
    currency: settings.currency,
    closedAt,
    countedCash: countedCash ?? 0,
    taxMode: settings.taxMode,
    kindTotals: ctx.repos.shifts.kindTotals(shift.id),
    tenderTotals: ctx.repos.shifts.tenderTotals(shift.id),
    cashIn,
    cashOut,
  });
  // A shift still open has no count yet: report it as an X report that balances.
  return countedCash === null
    ? { ...report, countedCash: report.expectedCash, variance: 0 }
    : report;
};

export const closeShift = (ctx: CoreContext, countedCash: number): ZReport =>
  inTransaction(ctx, () => {
    const settings = requireSettings(ctx);
    const user = requireUser(ctx);
    const shift = requireOpenShift(ctx);
    const at = ctx.clock.now();
    const report = computeZReport(ctx, shift, at, countedCash);
    ctx.repos.shifts.close(shift.id, at, countedCash, JSON.stringify(report));
    ctx.repos.outbox.append({
      eventId: newEventId(ctx),
      type: 'shift_close',
      storeId: settings.storeId,
      tillId: settings.tillId,
      occurredAt: at,
      payload: {
        shiftId: shift.id,
        cashierId: user.id,
        openedAt: shift.openedAt,
        openingFloat: shift.openingFloat,
        salesCount: report.salesCount,
        returnsCount: report.returnsCount,
        netSales: report.netSales,
        tax: report.tax,
        discounts: report.discounts,
        byTender: report.byTender,
        cashIn: report.cashIn,
        cashOut: report.cashOut,
        expectedCash: report.expectedCash,
        countedCash: report.countedCash,
        variance: report.variance,
      },
    });
    return report;
  });

export const zReportFor = (ctx: CoreContext, shiftId: string): ZReport => {
  const shift = ctx.repos.shifts.get(shiftId);
  if (!shift) throw new AppFailure('NOT_FOUND', 'No such shift.');
  if (shift.zReport) return JSON.parse(shift.zReport) as ZReport;
  return computeZReport(ctx, shift, ctx.clock.now(), null);
};
