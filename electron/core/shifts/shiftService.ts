// Shift lifecycle: open with a float, move cash in or out with a reason, close with the counted
// cash. Each step is one transaction with its outbox event.
import type { ClosedShift, ShiftSummary, ZReport } from '../../../shared/api/types';
import { AppFailure } from '../../../shared/result';
import {
  inTransaction,
  newEventId,
  requireSettings,
  requireUser,
  type CoreContext,
} from '../context';
import type { StoredUser } from '../users/usersRepo';
import type { ShiftRow } from './shiftRepo';
import { buildZReport } from './zReport';

export const shiftSummary = (ctx: CoreContext, s: ShiftRow): ShiftSummary => {
  const cashiers = [
    { id: s.cashierId, name: s.cashierName },
    ...ctx.repos.shifts.joinedCashiers(s.id).filter((c) => c.id !== s.cashierId),
  ];
  const me = ctx.session.userId;
  return {
    id: s.id,
    cashierId: s.cashierId,
    cashierName: s.cashierName,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    openingFloat: s.openingFloat,
    cashiers,
    joinedBySignedInUser: me !== null && cashiers.some((c) => c.id === me),
  };
};

/**
 * Hand-over: a cashier who signs in during another's open shift joins it (their sales are
 * recorded under their own name and get their own line on the Z report), or closes it and
 * opens their own. Joining twice is harmless.
 */
export const joinShift = (ctx: CoreContext): ShiftSummary =>
  inTransaction(ctx, () => {
    const user = requireUser(ctx);
    const shift = requireOpenShift(ctx);
    if (shift.cashierId !== user.id) ctx.repos.shifts.join(shift.id, user.id, ctx.clock.now());
    return shiftSummary(ctx, shift);
  });

export const closedShifts = (ctx: CoreContext, limit: number, offset: number): ClosedShift[] =>
  ctx.repos.shifts.closedList(limit, offset).map((s) => {
    const z = JSON.parse(s.zReport) as Partial<ZReport>;
    return {
      id: s.id,
      cashierName: s.cashierName,
      openedAt: s.openedAt,
      closedAt: s.closedAt,
      netSales: z.netSales ?? 0,
      variance: z.variance ?? 0,
    };
  });

export const requireOpenShift = (ctx: CoreContext): ShiftRow => {
  const shift = ctx.repos.shifts.current();
  if (!shift) throw new AppFailure('NO_OPEN_SHIFT', 'Open a shift before selling.');
  return shift;
};

/**
 * The open shift, for a sale rung by `user`: a cashier must have opened or joined it (the
 * hand-over choice), so nobody silently carries on in another cashier's shift. An owner, who
 * steps in to help or approve, may ring in any shift; their sales carry their own name.
 */
export const requireShiftJoined = (ctx: CoreContext, user: StoredUser): ShiftRow => {
  const shift = requireOpenShift(ctx);
  if (
    user.role !== 'owner' &&
    shift.cashierId !== user.id &&
    !ctx.repos.shifts.joinedCashiers(shift.id).some((c) => c.id === user.id)
  ) {
    throw new AppFailure(
      'SHIFT_OF_ANOTHER_CASHIER',
      `${shift.cashierName}'s shift is open: join it, or close it and open your own.`,
    );
  }
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
    return shiftSummary(ctx, ctx.repos.shifts.get(id)!);
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
    return shiftSummary(ctx, shift);
  });

const computeZReport = (
  ctx: CoreContext,
  shift: ShiftRow,
  closedAt: number,
  countedCash: number | null,
  closedByName: string | null,
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
    voids: ctx.repos.cartVoids.shiftTotals(shift.id),
    byCashier: ctx.repos.shifts.byCashier(shift.id),
    closedByName,
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
    const report = computeZReport(ctx, shift, at, countedCash, user.name);
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
  return computeZReport(ctx, shift, ctx.clock.now(), null, null);
};
